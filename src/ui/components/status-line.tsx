// One polite live region for what just happened, with an optional action (Undo).

export interface Status {
  kind: 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

export function StatusLine({ status }: { status: Status | undefined }) {
  return (
    <div class={`status ${status?.kind ?? ''}`} role={status?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
      {status && <span>{status.text}</span>}
      {status?.action && (
        <button type="button" onClick={status.action.run}>
          {status.action.label}
        </button>
      )}
    </div>
  );
}
