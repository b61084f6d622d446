// A session's windows and tabs as one flat list of fixed-height rows (a heading per window, then
// its tabs), and the tabs alone in the same order, for ranges and "check all".
import type { SessionBody, TabRecord } from '../../core/model.ts';
import type { TabRef } from '../../shared/messages/manager-messages.ts';

export type TabRow =
  | { kind: 'window'; windowIndex: number; tabs: number }
  | { kind: 'tab'; ref: TabRef; tab: TabRecord; /** Position among the tabs only. */ order: number };

export function tabRows(sessionId: string, body: SessionBody): { rows: TabRow[]; refs: TabRef[] } {
  const rows: TabRow[] = [];
  const refs: TabRef[] = [];
  body.windows.forEach((w, windowIndex) => {
    rows.push({ kind: 'window', windowIndex, tabs: w.tabs.length });
    w.tabs.forEach((tab, tabIndex) => {
      const ref: TabRef = { sessionId, windowIndex, tabIndex, url: tab.url };
      rows.push({ kind: 'tab', ref, tab, order: refs.length });
      refs.push(ref);
    });
  });
  return { rows, refs };
}
