// The full-page manager's bulk actions on checked tabs, across windows and sessions.
import type { Session } from '../../core/model.ts';
import type { TabRef } from '../../core/tab-moves.ts';
import type { UserMessage } from '../../core/user-error.ts';

export type { TabRef } from '../../core/tab-moves.ts';

/** Where moved tabs go: an existing session, or a new one of this name. */
export type MoveTarget = { sessionId: string } | { newName: string };

export interface OpenTabsReport {
  tabs: number;
  /** Tabs that could not be opened and came back as a placeholder saying why. */
  blocked: number;
  failed: { url: string; reason: UserMessage }[];
}

export interface ManagerMessages {
  /** Opens exactly these saved tabs, in one new window, through the restore path. */
  'manager.openTabs': { req: { tabs: TabRef[] }; res: OpenTabsReport };
  /** Moves the tabs into one new window at the end of the target; `changed`: every session written. */
  'manager.moveTabs': { req: { tabs: TabRef[]; to: MoveTarget }; res: { target: Session; changed: Session[] } };
  /** Deletes the tabs; `undoId` undoes it (the last delete only). */
  'manager.deleteTabs': { req: { tabs: TabRef[] }; res: { undoId: string; changed: Session[] } };
  'manager.undoDeleteTabs': { req: { undoId: string }; res: { changed: Session[] } };
}
