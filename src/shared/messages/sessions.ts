import type { Session, SessionWithBody } from '../../core/model.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';

export interface RestoreReport {
  windows: number;
  tabs: number;
  /** Tabs whose URL could not be opened and came back as a placeholder saying why. */
  blocked: number;
  failed: { url: string; reason: string }[];
  cancelled: boolean;
}

export interface SessionMessages {
  'sessions.list': { req: Record<string, never>; res: { sessions: Session[] } };
  'sessions.get': { req: { id: string }; res: SessionWithBody };
  'sessions.saveAll': { req: { name?: string }; res: { session: Session } };
  'sessions.saveWindow': { req: { windowId?: number; name?: string }; res: { session: Session } };
  'sessions.delete': { req: { id: string }; res: Record<string, never> };
  'sessions.undoDelete': { req: { id: string }; res: { session: Session } };
  'sessions.restore': { req: { id: string; mode?: RestoreMode }; res: RestoreReport };
  /** Turns an automatic snapshot (autosave, closed window, recovered) into a saved session. */
  'sessions.promote': { req: { id: string }; res: { session: Session } };
}
