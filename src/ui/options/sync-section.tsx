// Settings › Sync: the WebDAV folder, the account and the sync passphrase, Turn on sync (which
// asks for access to the server's origin from the click), Sync now, what syncs, and a status that
// reads "Synced 2 minutes ago" or says what is wrong (and, when the server lost this device's
// files, asks what to do).
import { useEffect, useState } from 'preact/hooks';
import { syncStatusMessage } from '../../core/sync/status-text.ts';
import { permissionsApi } from '../../platform/permissions.ts';
import { call } from '../../shared/client.ts';
import type { SyncOptions, SyncStatus } from '../../shared/messages/sync-messages.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { errorText } from '../error-text.ts';
import { render, t } from '../i18n.ts';
import type { MessageKey } from '../message-keys.ts';

/** The page re-reads the worker's status this often while open (a local message, no request). */
const REFRESH_MS = 3_000;

/** `http://host:port/path` → the host pattern the browser grants (ports are not part of it). */
function originPattern(server: string): string | undefined {
  try {
    const u = new URL(server.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? `${u.protocol}//${u.hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}

const CHOICES: [keyof Omit<SyncOptions, 'keepUrlTokens'>, MessageKey][] = [
  ['autosaves', 'syncAutosaves'],
  ['closedWindows', 'syncClosedWindows'],
  ['recovered', 'syncRecovered'],
];

export function SyncSection() {
  const [status, setStatus] = useState<SyncStatus | undefined>(undefined);
  const [server, setServer] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Status | undefined>(undefined);
  const [, setTick] = useState(0);

  const fail = (e: unknown) => setNote({ kind: 'error', text: t('errorPrefix', errorText(e)) });

  useEffect(() => {
    call('sync.status', {}).then((s) => {
      setStatus(s);
      if (s.server) setServer(s.server);
      if (s.user) setUser(s.user);
    }, fail);
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      call('sync.status', {}).then(setStatus, () => undefined);
      setTick((n) => n + 1);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const run = async (work: () => Promise<SyncStatus>, done?: MessageKey) => {
    setBusy(true);
    setNote(undefined);
    try {
      setStatus(await work());
      if (done) setNote({ kind: 'info', text: t(done) });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const turnOn = (e: Event) => {
    e.preventDefault();
    const pattern = originPattern(server);
    // No await before the request: the permission prompt needs this click's user gesture.
    const asked = pattern ? (permissionsApi()?.request({ origins: [pattern] }) ?? Promise.resolve(true)) : undefined;
    void run(async () => {
      if (asked && !(await asked.catch(() => false))) throw new Error(t('syncNeedsAccess'));
      const s = await call('sync.turnOn', { server, user, password, passphrase });
      setPassword('');
      setPassphrase('');
      return s;
    });
  };

  if (!status) return null;
  const on = status.state !== 'off';
  const message = syncStatusMessage(status, Date.now());
  const text = message ? render(message) : '';

  return (
    <fieldset id="sync">
      <legend>{t('syncSection')}</legend>
      <p class="hint">{t('syncIntro')}</p>
      {on && status.server && status.user && <p class="hint">{t('syncConnected', status.server, status.user)}</p>}
      <form class="vault-form" onSubmit={turnOn}>
        <label>
          {t('syncServer')}
          <input
            type="url"
            required
            autocomplete="url"
            placeholder="https://"
            value={server}
            onInput={(e) => setServer(e.currentTarget.value)}
          />
        </label>
        <p class="hint">{t('syncServerHint')}</p>
        <label>
          {t('syncUser')}
          <input
            type="text"
            required
            autocomplete="username"
            value={user}
            onInput={(e) => setUser(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('syncPassword')}
          <input
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <p class="hint">{t('syncPasswordHint')}</p>
        <label>
          {t('syncPassphrase')}
          <input
            type="password"
            required
            autocomplete="off"
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
        </label>
        <p class="hint">{t('syncPassphraseHint')}</p>
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            {t('syncTurnOn')}
          </button>
          <button type="button" disabled={busy || !on} onClick={() => void run(() => call('sync.now', {}))}>
            {t('syncNow')}
          </button>
          {on && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => call('sync.turnOff', {}), 'syncTurnedOff')}
            >
              {t('syncTurnOff')}
            </button>
          )}
        </div>
      </form>
      {on && (
        <p class={status.problem ? 'hint warn' : 'hint'} role="status" aria-live="polite">
          {text}
        </p>
      )}
      {status.state === 'ask' && (
        <div role="group" aria-label={t('syncUploadAgain')}>
          <p>{t('syncAskLost')}</p>
          <div class="row">
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => call('sync.resolve', { action: 'upload' }))}
            >
              {t('syncUploadAgain')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => call('sync.turnOff', {}), 'syncTurnedOff')}
            >
              {t('syncTurnOff')}
            </button>
          </div>
        </div>
      )}
      {status.state === 'locked' && <p class="hint warn">{t('syncLockedNote')}</p>}
      {on && (
        <fieldset>
          <legend>{t('syncWhat')}</legend>
          <p class="hint">{t('syncWhatAlways')}</p>
          {CHOICES.map(([key, label]) => (
            <label key={key}>
              <input
                type="checkbox"
                checked={status.options[key]}
                disabled={busy}
                onChange={(e) => void run(() => call('sync.setOptions', { [key]: e.currentTarget.checked }))}
              />
              {t(label)}
            </label>
          ))}
          <label>
            <input
              type="checkbox"
              checked={status.options.keepUrlTokens}
              disabled={busy}
              onChange={(e) => void run(() => call('sync.setOptions', { keepUrlTokens: e.currentTarget.checked }))}
            />
            {t('syncKeepTokens')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={status.options.cookieJars && status.vaultLockOn}
              disabled={busy || !status.vaultLockOn}
              aria-describedby="sync-jars-hint"
              onChange={(e) => void run(() => call('sync.setOptions', { cookieJars: e.currentTarget.checked }))}
            />
            {t('syncCookieJars')}
          </label>
          <p id="sync-jars-hint" class="hint">
            {t(status.vaultLockOn ? 'syncCookieJarsHint' : 'syncCookieJarsNeedLock')}
          </p>
          <label>
            <input
              type="number"
              min={1}
              max={1440}
              value={status.intervalMinutes}
              disabled={busy}
              onChange={(e) =>
                void run(() => call('sync.setOptions', { intervalMinutes: Number(e.currentTarget.value) }))
              }
            />
            {t('syncInterval')}
          </label>
        </fieldset>
      )}
      <StatusLine status={note} />
    </fieldset>
  );
}
