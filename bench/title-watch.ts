// When each restored tab exists and when it first shows its title, seen from the browser process
// over the DevTools protocol, not from the extension: the extension's worker shares its renderer
// with the placeholders, and its events arrive seconds late under load (measured: the last
// onCreated of a 200-tab restore 12 s after the tab existed). A tab exists from its
// Target.targetCreated event; its title is what Target.getTargets reports, asked again as soon as
// each answer comes (targetInfoChanged is not sent for every title change). A tab counts as titled
// when the answer that first shows its title arrives, so an untitled time is never understated.
// When the browser is starved (other processes on every core) one answer can take ~1 s, which is
// then the figure's resolution: `atAsk` figures count the tab titled when that answer was asked
// for instead, the watcher's own wait left out (the browser took the snapshot in between).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from 'puppeteer-core';
import { NodeWebSocketTransport } from 'puppeteer-core/internal/node/NodeWebSocketTransport.js';
import { waitFor } from '../test/e2e/support/browser.ts';

/** The page a restored tab stands for: a placeholder's own address names it in its `u`. */
function pageOf(url: string): string {
  try {
    return new URL(url).searchParams.get('u') ?? url;
  } catch {
    return url;
  }
}

/** Launch flag that lets watchTitles connect (its endpoint is written into the profile). */
export const DEBUG_PORT_ARG = '--remote-debugging-port=0';

interface Seen {
  created: number;
  titled?: number;
  /** When the poll whose answer first showed the title was sent (events: when they came). */
  titledAsked?: number;
  gone?: number;
  restored: boolean;
  title: string;
  url: string;
}

export interface TitleFigures {
  tabs: number;
  /** Tabs that showed an address or nothing as their title for more than `overMs`. */
  untitledOver: number;
  longestUntitled: number;
  medianUntitled: number;
  /** From the start, until the last restored tab showed its title (Infinity if one never did). */
  allTitledAt: number;
  allExistAt: number;
  /** A few never titled, as last seen. */
  neverTitled: string[];
  /** As untitledOver, each tab titled when the answer that showed it was asked for. */
  untitledOverAtAsk: number;
  longestUntitledAtAsk: number;
  /** Title polls answered, and the slowest answer (ms): the resolution of the figures above. */
  polls: number;
  slowestPoll: number;
}

export interface TitleWatch {
  t0: number;
  figures(overMs?: number): TitleFigures;
  /** Resolves once `n` restored tabs exist and every one shows its title. */
  allTitled(n: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * `restored(url)`: whether a tab with this address is one the restore made. `titled(title)`:
 * whether this title is the saved or real one (never the address Chrome shows for an untitled page).
 */
export async function watchTitles(
  profileDir: string,
  restored: (url: string) => boolean,
  titled: (title: string) => boolean,
): Promise<TitleWatch> {
  const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n');
  // A bare connection to the browser target: attached to no page (a client that auto-attaches,
  // as puppeteer.connect does, holds every new tab until it has looked at it).
  const url = `ws://127.0.0.1:${port}${path}`;
  const cdp = new Connection(url, await NodeWebSocketTransport.create(url));
  const seen = new Map<string, Seen>();
  const note = (info: { targetId: string; type: string; title: string; url: string }, asked?: number) => {
    if (info.type !== 'page') return;
    const now = Date.now();
    let s = seen.get(info.targetId);
    if (!s) seen.set(info.targetId, (s = { created: now, restored: false, title: '', url: '' }));
    s.title = info.title;
    s.url = info.url;
    if (restored(info.url)) s.restored = true;
    if (s.titled === undefined && titled(info.title)) {
      s.titled = now;
      s.titledAsked = asked ?? now;
    }
  };
  cdp.on('Target.targetCreated', (e) => note(e.targetInfo));
  cdp.on('Target.targetInfoChanged', (e) => note(e.targetInfo));
  let polling = true;
  let polls = 0;
  let slowestPoll = 0;
  const poll = async () => {
    while (polling) {
      const asked = Date.now();
      const { targetInfos } = await cdp.send('Target.getTargets').catch(() => ({ targetInfos: [] }));
      slowestPoll = Math.max(slowestPoll, Date.now() - asked);
      polls++;
      for (const t of targetInfos) if (seen.has(t.targetId)) note(t, asked);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  cdp.on('Target.targetDestroyed', (e) => {
    const s = seen.get(e.targetId);
    if (s) s.gone ??= Date.now();
  });
  const t0 = Date.now();
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  // Tabs that existed before the watch are not the restore's.
  for (const s of seen.values()) s.restored = false;
  const polled = poll();
  const ours = () => [...seen.values()].filter((s) => s.restored && s.created >= t0);
  const figures = (overMs = 1000): TitleFigures => {
    const now = Date.now();
    const tabs = ours();
    const untitled = tabs.map((s) => (s.titled ?? s.gone ?? now) - s.created);
    const untitledAtAsk = tabs.map((s) => (s.titledAsked ?? s.gone ?? now) - s.created);
    const live = tabs.filter((s) => s.gone === undefined || s.titled !== undefined);
    return {
      // By page: while a tab changes process (its placeholder navigating to the real page) the
      // browser may list the old target and the new one for a moment.
      tabs: new Set(tabs.filter((s) => s.gone === undefined).map((s) => pageOf(s.url))).size,
      untitledOver: untitled.filter((d) => d > overMs).length,
      longestUntitled: Math.max(0, ...untitled),
      untitledOverAtAsk: untitledAtAsk.filter((d) => d > overMs).length,
      longestUntitledAtAsk: Math.max(0, ...untitledAtAsk),
      medianUntitled: [...untitled].sort((a, b) => a - b)[Math.floor(untitled.length / 2)] ?? 0,
      allTitledAt: live.every((s) => s.titled !== undefined)
        ? Math.max(0, ...live.map((s) => s.titled! - t0))
        : Infinity,
      allExistAt: Math.max(0, ...tabs.map((s) => s.created - t0)),
      polls,
      slowestPoll,
      neverTitled: live
        .filter((s) => s.titled === undefined)
        .map((s) => `${s.title.slice(0, 40)} @ ${s.url.slice(0, 80)}`),
    };
  };
  return {
    t0,
    figures,
    allTitled: (n, timeoutMs) =>
      waitFor(
        () => {
          const f = figures();
          return f.tabs >= n && f.allTitledAt < Infinity;
        },
        `${n} restored tabs, every one titled`,
        timeoutMs,
      ),
    close: async () => {
      polling = false;
      await polled;
      cdp.dispose();
    },
  };
}
