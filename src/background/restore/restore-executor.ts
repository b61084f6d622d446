// Carries out a restore plan in the browser: each window (create-window.ts), then its tabs in
// order (tab-loop.ts), then groups, the active tab and the window state (finish-window.ts). A tab
// that fails does not stop the rest.
import type { RestorePlan, WindowStep } from '../../core/restore-plan.ts';
import { msg } from '../../core/user-error.ts';
import type { Platform } from '../../platform/types.ts';
import type { RestoreReport } from '../../shared/protocol.ts';
import { createWindow } from './create-window.ts';
import { finishWindow } from './finish-window.ts';
import { createTabs, type RestoreProgress, type TabLoopOptions } from './tab-loop.ts';
import { failure } from './tab-open.ts';

export type { RestoreProgress } from './tab-loop.ts';
export interface ExecuteOptions extends TabLoopOptions {
  /**
   * Replace only: keeps the windows about to be closed (as a snapshot, for Undo). If it throws,
   * nothing is closed: a window is never closed before what keeps it exists.
   */
  beforeClosing?: (windowIds: readonly number[]) => Promise<void>;
}

async function restoreWindow(
  platform: Platform,
  w: WindowStep,
  report: RestoreReport,
  progress: RestoreProgress,
  opts: ExecuteOptions,
): Promise<number> {
  let windowId: number;
  let tabs = w.tabs;
  const tabIds: (number | undefined)[] = [];
  let blankTabId: number | undefined;
  if (w.target.kind === 'new') {
    const made = await createWindow(platform, { ...w, target: w.target }, report);
    windowId = made.windowId;
    blankTabId = made.blankTabId;
    if (made.blankTabId === undefined) {
      tabIds.push(made.firstTabId);
      tabs = tabs.slice(1);
      progress.done++;
      opts.onProgress?.({ ...progress });
    }
  } else {
    windowId = w.target.windowId;
  }
  tabIds.push(...(await createTabs(platform, windowId, tabs, report, progress, opts)));
  await finishWindow(platform, w, windowId, tabIds, blankTabId, report);
  return windowId;
}

export async function executeRestore(
  platform: Platform,
  plan: RestorePlan,
  opts: ExecuteOptions,
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
  let windowsFailed = 0;
  for (const w of plan.windows) {
    if (opts.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    try {
      const windowId = await restoreWindow(platform, w, report, progress, opts);
      if (w.focused && w.target.kind === 'new') toFocus = windowId;
    } catch (e) {
      windowsFailed++;
      report.failed.push({ url: '', reason: failure(e) });
    }
  }
  // A cancelled restore leaves the focus where it is: on the popup that says what was kept.
  if (toFocus !== undefined && !report.cancelled) {
    await platform.windows.update(toFocus, { focused: true }).catch(() => undefined);
  }
  // "Replace the open windows" closes them only once their replacement exists: after a cancel, a
  // window that could not be created, or no tab at all, the open windows stay. And only once they
  // are kept themselves, so that the Replace can be undone.
  if (!report.cancelled && windowsFailed === 0 && report.tabs > 0 && plan.closeWindowIds.length > 0) {
    try {
      await opts.beforeClosing?.(plan.closeWindowIds);
    } catch (e) {
      report.failed.push({ url: '', reason: msg('restoreReplaceKept', failure(e)) });
      return report;
    }
    for (const id of plan.closeWindowIds) await platform.windows.remove(id).catch(() => undefined);
  }
  return report;
}
