// Settings › History (time travel): how many days the journal keeps, its size cap, and one button
// that forgets it all.
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings-model.ts';
import { call } from '../../shared/client.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { errorText } from '../error-text.ts';
import { t } from '../i18n.ts';

export function HistorySection() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  useEffect(() => {
    call('settings.get', {}).then(setSettings, (e: unknown) => setStatus({ kind: 'error', text: errorText(e) }));
  }, []);
  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await call('settings.set', patch));
      setStatus({ kind: 'info', text: t('settingsSaved') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('errorPrefix', errorText(e)) });
    }
  };
  const clear = async () => {
    try {
      await call('journal.clear', {});
      setStatus({ kind: 'info', text: t('historyCleared') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('errorPrefix', errorText(e)) });
    }
  };
  return (
    <fieldset>
      <legend>{t('historySection')}</legend>
      {settings && (
        <>
          <label>
            <input
              type="number"
              min={1}
              max={90}
              value={settings.journalDays}
              onChange={(e) => void update({ journalDays: Number(e.currentTarget.value) })}
            />
            {t('historyDays')}
          </label>
          <label>
            <input
              type="number"
              min={10}
              step={10}
              value={settings.journalCapMb}
              onChange={(e) => void update({ journalCapMb: Number(e.currentTarget.value) })}
            />
            {t('historyCap')}
          </label>
        </>
      )}
      <button type="button" onClick={() => void clear()}>
        {t('historyClear')}
      </button>
      <StatusLine status={status} />
    </fieldset>
  );
}
