// Carries out a restore plan in the browser: windows first, then their tabs in order, then
// groups, the active tab and the window state. A tab that fails does not stop the rest.
import { placeholderUrl } from '../core/placeholder-url.ts';
import type { RestorePlan, TabStep, WindowStep } from '../core/restore-plan.ts';
import type { DroppedContainer, Platform } from '../platform/types.ts';
import type { RestoreReport } from '../shared/protocol.ts';
import { placeholderSlots, type LoadSlots } from './load-slots.ts';

/**
 * Tab creations outstanding at once. Waiting for each one, or for batches, lets the extension
 * process (busy loading the placeholders just created) slow the next ones down: batches of 25
 * took ~9 s for 200 tabs, a minimal extension asking for all 200 at once ~2 s. A bound still lets
 * Cancel stop what has not been asked for yet.
 */
const IN_FLIGHT = 100;
const PROGRESS_EVERY = 10;

export interface RestoreProgress {
  done: number;
  total: number;
}

export interface ExecuteOptions {
  signal?: AbortSignal;
  /** Bounds the placeholder pages loading at once (see load-slots.ts); the worker's own by default. */
  slots?: Pick<LoadSlots, 'acquire' | 'assign' | 'cancel'>;
  onProgress?: (p: RestoreProgress) => void;
}

/** Whether the tab opens the extension's placeholder page (and so loads in its renderer). */
function opensPlaceholder(platform: Platform, t: TabStep): boolean {
  return t.open.kind === 'blocked' || (t.open.kind === 'url' && t.lazy && !platform.createsDiscardedTabs);
}

function tabUrl(platform: Platform, t: TabStep): string | undefined {
  switch (t.open.kind) {
    case 'newtab':
      return undefined;
    case 'blocked':
      return placeholderUrl(platform.extensionBase, { url: t.open.url, title: t.title, reason: t.open.reason });
    case 'url':
      // Where the browser creates discarded tabs (Firefox), a lazy tab is the real URL, unloaded.
      return opensPlaceholder(platform, t)
        ? placeholderUrl(platform.extensionBase, {
            url: t.open.url,
            title: t.title,
            ...(t.favIconUrl ? { favIconUrl: t.favIconUrl } : {}),
          })
        : t.open.url;
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A tab that opened outside its saved container still counts, but the person is told. */
function noteContainer(report: RestoreReport, t: TabStep, created: { droppedContainer?: DroppedContainer }): void {
  const d = created.droppedContainer;
  if (!d || t.open.kind === 'newtab') return;
  report.failed.push({
    url: t.open.url,
    reason: `container ${d.cookieStoreId} not restored (${d.reason}); opened in the default container`,
  });
}

async function restoreWindow(
  platform: Platform,
  w: WindowStep,
  report: RestoreReport,
  opts: ExecuteOptions,
  progress: RestoreProgress,
): Promise<number> {
  const tabIds: (number | undefined)[] = [];
  let windowId: number;
  let firstIndex = 0;
  let blankTabId: number | undefined;
  if (w.target.kind === 'new') {
    // windows.create cannot make its tab discarded: a lazy first tab on Firefox is created
    // below like the others, and the window's own blank tab removed.
    const first = w.tabs[0] && !(platform.createsDiscardedTabs && w.tabs[0].lazy) ? w.tabs[0] : undefined;
    // The window is created with its first tab, so no stray blank tab is left behind.
    const url = first ? tabUrl(platform, first) : undefined;
    const props = {
      ...(url === undefined ? {} : { url }),
      type: w.target.type,
      incognito: w.target.incognito,
      // Focused only once every window is restored (executeRestore): a window taking the focus
      // closes the popup, and with it the progress and the Cancel button of a long restore.
      focused: false,
      ...(first?.cookieStoreId ? { cookieStoreId: first.cookieStoreId } : {}),
    };
    // Bounds apply to normal windows only: Chrome refuses a maximized window with a width. Saved
    // bounds from a larger screen are refused too ("at least 50% within visible screen space"):
    // then the window opens at the browser's default place rather than not at all.
    const bounds = w.target.bounds && w.target.state === 'normal' ? w.target.bounds : undefined;
    const created = bounds
      ? await platform.windows.create({ ...props, bounds }).catch(() => platform.windows.create(props))
      : await platform.windows.create(props);
    windowId = created.id;
    if (first) {
      noteContainer(report, first, created);
      tabIds.push(created.tabIds[0]);
      firstIndex = 1;
      progress.done++;
      opts.onProgress?.({ ...progress });
    } else blankTabId = created.tabIds[0];
    report.windows++;
  } else {
    windowId = w.target.windowId;
  }
  // Tabs are asked for without waiting for each one, at most IN_FLIGHT at a time. The calls reach
  // the browser in order, so the tabs are appended in order. (One windows.create with every URL was
  // tried: Chrome then gives each extension-page tab a renderer process of its own.)
  const rest = w.tabs.slice(firstIndex);
  const slots = opts.slots ?? placeholderSlots;
  let turns: Promise<boolean | undefined> = Promise.resolve(undefined);
  const created: (number | undefined)[] = new Array(rest.length).fill(undefined);
  let next = 0;
  let sinceReport = 0;
  const lane = async () => {
    while (next < rest.length) {
      if (opts.signal?.aborted) {
        report.cancelled = true;
        return;
      }
      const k = next++;
      const t = rest[k]!;
      const url = tabUrl(platform, t);
      // A placeholder page loads in the extension's own renderer: wait for a free slot. The turns
      // are chained so the calls still reach the browser in the saved order.
      const slot = opensPlaceholder(platform, t) ? slots : undefined;
      const turn = turns.then(() => slot?.acquire(opts.signal));
      turns = turn;
      const got = await turn;
      if (opts.signal?.aborted) {
        if (got) slot?.cancel();
        report.cancelled = true;
        return;
      }
      try {
        const r = await platform.tabs.create({
          windowId,
          ...(url === undefined ? {} : { url }),
          active: false,
          ...(t.pinned ? { pinned: true } : {}),
          ...(t.cookieStoreId ? { cookieStoreId: t.cookieStoreId } : {}),
          ...(t.lazy && platform.createsDiscardedTabs && t.open.kind === 'url'
            ? { discarded: true, title: t.title }
            : {}),
        });
        noteContainer(report, t, r);
        created[k] = r.id;
        slot?.assign(r.id);
      } catch (e) {
        slot?.cancel();
        report.failed.push({ url: t.open.kind === 'newtab' ? '' : t.open.url, reason: describe(e) });
      }
      progress.done++;
      // Progress every few tabs: each report is a message to every open extension page.
      if (++sinceReport >= PROGRESS_EVERY || next >= rest.length) {
        sinceReport = 0;
        opts.onProgress?.({ ...progress });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, rest.length) }, lane));
  tabIds.push(...created);
  for (let i = 0; i < tabIds.length; i++) {
    const id = tabIds[i];
    const t = w.tabs[i]!;
    if (id === undefined) continue;
    report.tabs++;
    if (t.open.kind === 'blocked') report.blocked++;
    // The tab opened by windows.create is pinned afterwards.
    if (i === 0 && t.pinned) await platform.tabs.update(id, { pinned: true }).catch(() => undefined);
    if (t.muted) await platform.tabs.update(id, { muted: true }).catch(() => undefined);
  }

  if (platform.tabGroups) {
    for (let g = 0; g < w.groups.length; g++) {
      const members = tabIds.filter(
        (id, i): id is number => id !== undefined && w.tabs[i]!.groupIndex === g && !w.tabs[i]!.pinned,
      );
      if (members.length === 0) continue;
      try {
        const groupId = await platform.tabGroups.group(members, windowId);
        await platform.tabGroups.update(groupId, w.groups[g]!);
      } catch (e) {
        report.failed.push({ url: '', reason: `tab group "${w.groups[g]!.title}": ${describe(e)}` });
      }
    }
  }

  const activeIdx = w.tabs.findIndex((t) => t.active);
  const activeId = activeIdx >= 0 ? tabIds[activeIdx] : undefined;
  if (activeId !== undefined) await platform.tabs.update(activeId, { active: true }).catch(() => undefined);
  // Only now: closing the selected blank tab earlier would select (and load) a lazy neighbour.
  if (blankTabId !== undefined) await platform.tabs.remove([blankTabId]).catch(() => undefined);
  if (w.target.kind === 'new' && w.target.state !== 'normal') {
    await platform.windows.update(windowId, { state: w.target.state }).catch(() => undefined);
  }
  return windowId;
}

export async function executeRestore(
  platform: Platform,
  plan: RestorePlan,
  opts: ExecuteOptions = {},
): Promise<RestoreReport> {
  const report: RestoreReport = {
    windows: 0,
    tabs: 0,
    blocked: 0,
    failed: [],
    cancelled: false,
    cookies: { restored: 0, skipped: [], failed: [] },
  };
  const progress: RestoreProgress = { done: 0, total: plan.tabCount };
  let toFocus: number | undefined;
  for (const w of plan.windows) {
    if (opts.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    try {
      const windowId = await restoreWindow(platform, w, report, opts, progress);
      if (w.focused && w.target.kind === 'new') toFocus = windowId;
    } catch (e) {
      report.failed.push({ url: '', reason: `window: ${describe(e)}` });
    }
  }
  // A cancelled restore leaves the focus where it is: on the popup that says what was kept.
  if (toFocus !== undefined && !report.cancelled)
    await platform.windows.update(toFocus, { focused: true }).catch(() => undefined);
  if (!report.cancelled) {
    for (const id of plan.closeWindowIds) await platform.windows.remove(id).catch(() => undefined);
  }
  return report;
}
