// The settings page: autosave interval, retention, crash recovery and lazy restore.
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings-model.ts';
import { call } from '../../shared/client.ts';
import { t } from '../i18n.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { CookieKeepingSection } from './cookie-keeping-section.tsx';
import { CookieVaultSection } from './cookie-vault-section.tsx';
import { HistorySection } from './history-section.tsx';
import { ImportExportSection } from './import-export/import-export-section.tsx';
import { SyncSection } from './sync-section.tsx';
import { errorText } from '../error-text.ts';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [status, setStatus] = useState<Status | undefined>(undefined);

  useEffect(() => {
    call('settings.get', {}).then(setSettings, (e: unknown) => setStatus({ kind: 'error', text: String(e) }));
  }, []);

  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await call('settings.set', patch));
      setStatus({ kind: 'info', text: t('settingsSaved') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('errorPrefix', errorText(e)) });
    }
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {settings && (
        <fieldset>
          <legend>{t('settingsSection')}</legend>
          <label>
            <input
              type="number"
              min={0.5}
              step={0.5}
              value={settings.autosaveMinutes}
              onChange={(e) => void update({ autosaveMinutes: Number(e.currentTarget.value) })}
            />
            {t('settingsAutosave')}
          </label>
          <label>
            <input
              type="number"
              min={1}
              max={500}
              value={settings.retention}
              onChange={(e) => void update({ retention: Number(e.currentTarget.value) })}
            />
            {t('settingsRetention')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={settings.autoRecover}
              onChange={(e) => void update({ autoRecover: e.currentTarget.checked })}
            />
            {t('settingsAutoRecover')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={settings.lazyRestore}
              onChange={(e) => void update({ lazyRestore: e.currentTarget.checked })}
            />
            {t('settingsLazy')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={settings.keepPrivateWindows}
              onChange={(e) => void update({ keepPrivateWindows: e.currentTarget.checked })}
            />
            {t('settingsKeepPrivate')}
          </label>
        </fieldset>
      )}
      <StatusLine status={status} />
      <CookieKeepingSection />
      <CookieVaultSection />
      <SyncSection />
      <HistorySection />
      <ImportExportSection />
    </main>
  );
}
