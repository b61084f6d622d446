// What the person does to sessions from the popup: restore (with progress and Cancel), open one
// tab, keep an autosave, delete with Undo, undo a Replace. Each ends in one status line.
import type { Session } from '../../core/model.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';
import type { UserMessage } from '../../core/user-error.ts';
import { currentWindowId } from '../../platform/page.ts';
import { call } from '../../shared/client.ts';
import { overwriteNewerAction } from '../components/keeping-switch.ts';
import type { LastReplace } from '../../shared/messages/sessions-messages.ts';
import type { Status, StatusAction } from '../components/status-line.tsx';
import { t, tabsText, windowsText } from '../i18n.ts';
import { restoreStatus } from './restore-status.ts';
import { saveStatus } from './save-status.ts';
import { useRestore } from './use-restore.ts';
import type { SessionsState } from './use-sessions.ts';

interface Options {
  list: SessionsState;
  setStatus(s: Status | undefined): void;
  fail(e: unknown): void;
  /** A session was deleted: its detail, if open, closes. */
  onDeleted(): void;
  /** Names a session in its row (Rename after a save). */
  onRename(id: string): void;
}

export function useSessionActions({ list, setStatus, fail, onDeleted, onRename }: Options) {
  const { restore: run, cancel, progress } = useRestore();

  /** Saved; a cookie jar that could not be written is said, with the reason, not only logged. */
  const saved = (s: Session, cookieProblem?: UserMessage, cookiesLocked?: boolean) => {
    // The name comes after the save: Rename, beside the news, names the new row in place.
    setStatus({
      ...saveStatus(s, cookieProblem, cookiesLocked),
      action: { label: t('renameAction'), run: () => onRename(s.id) },
    });
    void list.reload();
  };

  const rename = async (s: Session, name: string) => {
    try {
      const r = await call('sessions.rename', { id: s.id, name });
      setStatus({ kind: 'info', text: t('renamedMsg', r.session.name) });
      await list.reload();
    } catch (e) {
      fail(e);
    }
  };

  const restore = async (s: Pick<Session, 'id'>, mode?: RestoreMode) => {
    try {
      const r = await run(s.id, mode);
      const undo = r.replacedSnapshotId === undefined ? undefined : undoReplaceAction(r.replacedSnapshotId);
      setStatus(restoreStatus(r, undo, overwriteNewerAction(r.cookies, s.id, setStatus)));
      // A Replace's snapshot (and an Undo's windows) change the list.
      void list.reload();
    } catch (e) {
      fail(e);
    }
  };

  /** Undo of a Replace: the closed windows come back from their snapshot (the new ones stay). */
  const undoReplaceAction = (snapshotId: string): StatusAction => ({
    label: t('undo'),
    run: () => void restore({ id: snapshotId }),
  });

  /** A popup opened after a Replace (which closed its window) still offers to undo it. */
  const offerUndoReplace = (last: LastReplace) =>
    setStatus({
      kind: 'info',
      text: t('replaceUndoOffer', tabsText(last.tabs), windowsText(last.windows)),
      action: undoReplaceAction(last.snapshotId),
    });

  const openTab = async (s: Session, windowIndex: number, tabIndex: number) => {
    const into = await currentWindowId();
    await restore(s, { kind: 'one-tab', windowIndex, tabIndex, ...(into === undefined ? {} : { intoWindowId: into }) });
  };

  /** Several tabs of a session into this window (the missing ones, from compare), one status line. */
  const openTabs = async (s: Session, tabs: readonly [number, number][]) => {
    const into = await currentWindowId();
    let opened = 0;
    try {
      for (const [windowIndex, tabIndex] of tabs) {
        const r = await run(s.id, {
          kind: 'one-tab',
          windowIndex,
          tabIndex,
          ...(into === undefined ? {} : { intoWindowId: into }),
        });
        opened += r.tabs;
      }
      setStatus({ kind: 'info', text: t('restoredMsg', tabsText(opened), windowsText(1)) });
    } catch (e) {
      fail(e);
    }
  };

  const keep = async (s: Session) => {
    try {
      await call('sessions.promote', { id: s.id });
      setStatus({ kind: 'info', text: t('keptSession', s.name) });
      await list.reload();
    } catch (e) {
      fail(e);
    }
  };

  const undoDelete = async (s: Session) => {
    try {
      await call('sessions.undoDelete', { id: s.id });
      setStatus(undefined);
      await list.reload();
    } catch (e) {
      fail(e);
    }
  };

  const remove = async (s: Session) => {
    try {
      await call('sessions.delete', { id: s.id });
      list.drop(s.id);
      onDeleted();
      setStatus({
        kind: 'info',
        text: t('deletedSession', s.name),
        action: { label: t('undo'), run: () => void undoDelete(s) },
      });
    } catch (e) {
      fail(e);
    }
  };

  return { progress, cancel, saved, rename, restore, openTab, openTabs, keep, remove, offerUndoReplace };
}

export type SessionActions = ReturnType<typeof useSessionActions>;
