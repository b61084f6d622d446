// "Save all windows" and "Save this window", with an optional name for the save.
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
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (which: 'all' | 'window') => {
    setBusy(true);
    try {
      const trimmed = name.trim();
      const named = trimmed ? { name: trimmed } : {};
      const { session, cookieProblem, cookiesLocked } =
        which === 'all'
          ? await call('sessions.saveAll', named)
          : await call('sessions.saveWindow', { ...named, ...(await windowArg()) });
      setName('');
      onSaved(session, cookieProblem, cookiesLocked);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="toolbar">
      <input
        type="text"
        aria-label={t('sessionNameLabel')}
        placeholder={t('sessionNameLabel')}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={() => void save('all')}>
          {t('saveAllWindows')}
        </button>
        <button type="button" disabled={busy} onClick={() => void save('window')}>
          {t('saveThisWindow')}
        </button>
      </div>
    </div>
  );
}

async function windowArg(): Promise<{ windowId?: number }> {
  const id = await currentWindowId();
  return id === undefined ? {} : { windowId: id };
}
