// The answer to "compare with what is open now": one sentence, then the tabs on each side.
import { t } from '../i18n.ts';
import type { SessionDiff } from './use-session-compare.ts';

export function CompareView({ diff }: { diff: SessionDiff }) {
  return (
    <div class="compare" role="status">
      <p>{t('compareResult', diff.added.length, diff.removed.length)}</p>
      <TabsList summary={t('compareAdded')} tabs={diff.added} />
      <TabsList summary={t('compareRemoved')} tabs={diff.removed} />
    </div>
  );
}

function TabsList({ summary, tabs }: { summary: string; tabs: SessionDiff['added'] }) {
  if (tabs.length === 0) return null;
  return (
    <details>
      <summary>{summary}</summary>
      <ul>
        {tabs.map((x, i) => (
          <li key={i}>{x.title || x.url}</li>
        ))}
      </ul>
    </details>
  );
}
