// "Save all windows" and "Save this window", side by side. The name comes after saving: the status
// line offers Rename, which names the new row in place.
import { useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import type { UserMessage } from '../../core/user-error.ts';
import { currentWindowId } from '../../platform/page.ts';
import { call } from '../../shared/client.ts';
import { t } from '../i18n.ts';

interface Props {
  /** `cookieProblem`: saved, but its cookies could not be kept, and why; `cookiesLocked`: the vault is locked. */
  onSaved: (s: Session, cookieProblem?: UserMessage, cookiesLocked?: boolean) => void;
  onError: (e: unknown) => void;
}

export function SaveBar({ onSaved, onError }: Props) {
  const [busy, setBusy] = useState(false);

  const save = async (which: 'all' | 'window') => {
    setBusy(true);
    try {
      const { session, cookieProblem, cookiesLocked } =
        which === 'all' ? await call('sessions.saveAll', {}) : await call('sessions.saveWindow', await windowArg());
      onSaved(session, cookieProblem, cookiesLocked);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="toolbar save-bar">
      <button type="button" class="primary" disabled={busy} onClick={() => void save('all')}>
        {t('saveAllWindows')}
      </button>
      <button type="button" disabled={busy} onClick={() => void save('window')}>
        {t('saveThisWindow')}
      </button>
    </div>
  );
}

async function windowArg(): Promise<{ windowId?: number }> {
  const id = await currentWindowId();
  return id === undefined ? {} : { windowId: id };
}
