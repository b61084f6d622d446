// Exports leave session tokens out of addresses unless the person asks to keep them (a file is
// shared, synced and backed up; whoever reads `;jsessionid=…` in it is logged in as its owner).
// Sessions, windows and tabs without a token are passed through as they are, not copied: an export
// of 1,000 sessions × 50 tabs mostly costs one scan of each address.
import type { SessionWithBody, TabRecord, WindowRecord } from '../model.ts';
import { hasUrlToken, stripUrlTokens } from '../url-tokens.ts';

export interface StrippedSessions {
  items: SessionWithBody[];
  /** Tabs whose address (or favicon address) lost a token. */
  tabs: number;
}

function stripTab(tab: TabRecord): TabRecord {
  const url = stripUrlTokens(tab.url);
  const favIconUrl = tab.favIconUrl === undefined ? undefined : stripUrlTokens(tab.favIconUrl);
  if (url === tab.url && favIconUrl === tab.favIconUrl) return tab;
  return { ...tab, url, ...(favIconUrl === undefined ? {} : { favIconUrl }) };
}

function stripWindow(w: WindowRecord): { window: WindowRecord; tabs: number } {
  let changed = 0;
  const tabs = w.tabs.map((t) => {
    const s = stripTab(t);
    if (s !== t) changed++;
    return s;
  });
  return { window: changed ? { ...w, tabs } : w, tabs: changed };
}

export function stripUrlTokensFromSessions(items: readonly SessionWithBody[]): StrippedSessions {
  let total = 0;
  const out = items.map((item) => {
    let changed = 0;
    const windows = item.body.windows.map((w) => {
      const r = stripWindow(w);
      changed += r.tabs;
      return r.window;
    });
    total += changed;
    return changed ? { session: item.session, body: { ...item.body, windows } } : item;
  });
  return { items: out, tabs: total };
}

/** Where a window's tabs carry a session token in their address: [window index, tab index]. */
export function tabsWithUrlTokens(windows: readonly WindowRecord[]): [number, number][] {
  const out: [number, number][] = [];
  windows.forEach((w, wi) => w.tabs.forEach((t, ti) => hasUrlToken(t.url) && out.push([wi, ti])));
  return out;
}

/** Tabs whose address or favicon address carries a session token (what an export keeps, if asked). */
export function countTabsWithUrlTokens(items: readonly SessionWithBody[]): number {
  let n = 0;
  for (const { body } of items)
    for (const w of body.windows)
      for (const t of w.tabs) if (hasUrlToken(t.url) || (t.favIconUrl !== undefined && hasUrlToken(t.favIconUrl))) n++;
  return n;
}
