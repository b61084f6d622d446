// Where a whole session is restored: new windows, this window, or instead of the open windows
// (which asks first).
import { useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';
import { currentWindowId } from '../../platform/page.ts';

export type ModeChoice = 'new-windows' | 'current-window' | 'replace';

export function useRestoreMode(session: Session, onRestore: (s: Session, mode?: RestoreMode) => void) {
  const [mode, setMode] = useState<ModeChoice>('new-windows');
  const [confirming, setConfirming] = useState(false);

  // A question asked about another mode no longer applies.
  const choose = (next: ModeChoice) => {
    setMode(next);
    setConfirming(false);
  };

  // Called again by the confirmation's own button: Replace then goes ahead.
  const restore = async () => {
    if (mode === 'new-windows') return onRestore(session);
    const windowId = await currentWindowId();
    if (mode === 'current-window' && windowId !== undefined)
      return onRestore(session, { kind: 'current-window', windowId });
    if (mode === 'replace') {
      if (!confirming) return setConfirming(true);
      setConfirming(false);
      // An empty list means "every window open now": the worker knows them, the popup does not.
      return onRestore(session, { kind: 'replace', windowIds: [] });
    }
  };

  return { mode, choose, confirming, cancel: () => setConfirming(false), restore };
}
