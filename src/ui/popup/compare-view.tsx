// The answer to "compare with what is open now": a sentence per side, the tabs on each side, and
// the action it calls for: open the tabs of the session that are missing now.
import type { TabRecord, WindowRecord } from '../../core/model.ts';
import { counted, t } from '../i18n.ts';
import type { SessionDiff } from './use-session-compare.ts';

interface Props {
  diff: SessionDiff;
  /** The session's windows, to find where each missing tab is. */
  windows: readonly WindowRecord[];
  onOpenMissing: (tabs: [windowIndex: number, tabIndex: number][]) => void;
}

export function CompareView({ diff, windows, onOpenMissing }: Props) {
  const missing = diff.removed.length;
  return (
    <div class="compare" role="status">
      <p>
        {counted(diff.added.length, 'compareAddedCountOne', 'compareAddedCountOther')}{' '}
        {counted(missing, 'compareRemovedCountOne', 'compareRemovedCountOther')}
      </p>
      {missing > 0 && (
        <button type="button" class="primary" onClick={() => onOpenMissing(positionsOf(diff.removed, windows))}>
          {counted(missing, 'openMissingTabsOne', 'openMissingTabsOther')}
        </button>
      )}
      <TabsList summary={t('compareAdded')} tabs={diff.added} />
      <TabsList summary={t('compareRemoved')} tabs={diff.removed} />
    </div>
  );
}

/** Where each tab is in the session: the diff names tabs by address, the same address once each. */
export function positionsOf(tabs: readonly TabRecord[], windows: readonly WindowRecord[]): [number, number][] {
  const taken = new Set<string>();
  const out: [number, number][] = [];
  for (const tab of tabs) {
    search: for (const [wi, w] of windows.entries()) {
      for (const [ti, x] of w.tabs.entries()) {
        const key = `${wi}:${ti}`;
        if (x.url === tab.url && !taken.has(key)) {
          taken.add(key);
          out.push([wi, ti]);
          break search;
        }
      }
    }
  }
  return out;
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
