// A restored window is created with its first tab, unfocused, at its saved place when the screen
// allows it.
import type { WindowStep } from '../../core/restore-plan.ts';
import type { Platform } from '../../platform/types.ts';
import type { RestoreReport } from '../../shared/protocol.ts';
import { noteContainer, tabUrl } from './tab-open.ts';

export interface NewWindow {
  windowId: number;
  /** The first tab's id when the window opened with it, else undefined. */
  firstTabId?: number;
  /** The browser's own blank tab, to close once the window has its tabs. */
  blankTabId?: number;
}

export async function createWindow(
  platform: Platform,
  w: WindowStep & { target: { kind: 'new' } },
  report: RestoreReport,
): Promise<NewWindow> {
  // windows.create cannot make its tab discarded: a lazy first tab on Firefox is created with the
  // others, and the window's own blank tab removed.
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
  report.windows++;
  if (!first) return { windowId: created.id, blankTabId: created.tabIds[0] };
  noteContainer(report, first, created);
  return { windowId: created.id, firstTabId: created.tabIds[0] };
}
