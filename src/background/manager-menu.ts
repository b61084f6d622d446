// The toolbar button's context menu item "All sessions", which opens the full-page manager.
import { MANAGER_PAGE_PATH } from '../shared/manager-page-path.ts';
import type { WorkerContext } from './context.ts';

export const MANAGER_MENU_ID = 'open-manager';

/** Called when the extension is installed or updated: the browser keeps the item from then on. */
export async function addManagerMenu(ctx: WorkerContext): Promise<void> {
  await ctx.platform.menus?.setActionItem(MANAGER_MENU_ID, { key: 'menuAllSessions' });
}

/** Opens the manager in a new tab of the last focused window (a new window when there is none). */
export async function openManager(ctx: WorkerContext): Promise<void> {
  const { platform } = ctx;
  const url = `${platform.extensionBase}${MANAGER_PAGE_PATH}`;
  const windowId = await platform.windows.getLastFocusedId();
  if (windowId === undefined) {
    await platform.windows.create({ url, type: 'normal', incognito: false, focused: true });
    return;
  }
  await platform.tabs.create({ windowId, url, active: true });
  await platform.windows.update(windowId, { focused: true });
}
