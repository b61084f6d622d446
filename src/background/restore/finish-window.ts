// A restored window's last touches, once its tabs exist: pinned and muted tabs, groups (title,
// colour, collapsed), the active tab, the browser's blank tab gone, the window state.
import type { WindowStep } from '../../core/restore-plan.ts';
import { msg } from '../../core/user-error.ts';
import type { Platform } from '../../platform/types.ts';
import type { RestoreReport } from '../../shared/protocol.ts';
import { failure } from './tab-open.ts';

export async function finishWindow(
  platform: Platform,
  w: WindowStep,
  windowId: number,
  tabIds: readonly (number | undefined)[],
  blankTabId: number | undefined,
  report: RestoreReport,
): Promise<void> {
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
        report.failed.push({ url: '', reason: msg('restoreGroupFailed', w.groups[g]!.title, failure(e)) });
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
}
