// A labelled progress bar: assistive tech reads its name and value, sighted people the text.
import type { Progress } from './import-flow.ts';

export function ProgressBar({ label, progress, text }: { label: string; progress: Progress; text?: string }) {
  return (
    <div class="ie-progress">
      <progress aria-label={label} max={Math.max(progress.total, 1)} value={progress.done} />
      {text && <span class="muted">{text}</span>}
    </div>
  );
}
