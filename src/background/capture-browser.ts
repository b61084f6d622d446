// Reads the browser's windows, tabs and groups and turns them into session records.
import { captureWindows } from '../core/capture.ts';
import type { WindowRecord } from '../core/model.ts';
import type { Platform } from '../platform/types.ts';

export async function captureBrowser(platform: Platform, onlyWindowId?: number): Promise<WindowRecord[]> {
  const [windows, groups] = await Promise.all([platform.windows.getAll(), platform.tabGroups?.query() ?? Promise.resolve([])]);
  const picked = onlyWindowId === undefined ? windows : windows.filter((w) => w.id === onlyWindowId);
  return captureWindows(picked, groups, { extensionBase: platform.extensionBase });
}
