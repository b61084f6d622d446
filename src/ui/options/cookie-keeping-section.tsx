// Settings › Stay logged in: keep session cookies (asks for the permission from the click), widen
// it to all cookies, see whether it runs and why not, and clear every stored cookie value.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { CookieKeepingStatus } from '../../shared/messages/keeping-messages.ts';
import { keepingStatusText, switchKeeping } from '../components/keeping-switch.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { t } from '../i18n.ts';
import { errorText } from '../error-text.ts';

export function CookieKeepingSection() {
  const [status, setStatus] = useState<CookieKeepingStatus | undefined>(undefined);
  const [note, setNote] = useState<Status | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);

  const fail = (e: unknown) => setNote({ kind: 'error', text: t('errorPrefix', errorText(e)) });

  useEffect(() => {
    call('keeping.status', {}).then(setStatus, fail);
  }, []);

  const toggle = (on: boolean) => {
    // No await before switchKeeping: the permission prompt needs this click's user gesture.
    switchKeeping(on, status).then(setStatus, fail);
  };
  const widen = (all: boolean) => {
    call('keeping.set', { all }).then(setStatus, fail);
  };
  const clearAll = async () => {
    setConfirming(false);
    try {
      setStatus(await call('keeping.clearAll', {}));
      setNote({ kind: 'info', text: t('keepCookiesCleared') });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <fieldset id="cookies">
      <legend>{t('keepCookiesSection')}</legend>
      {status && (
        <>
          <label>
            <input type="checkbox" checked={status.active} onChange={(e) => toggle(e.currentTarget.checked)} />
            {t('keepCookiesLabel')}
          </label>
          <p class="hint">{t('keepCookiesReasonLong')}</p>
          <label>
            <input
              type="checkbox"
              checked={status.all}
              disabled={!status.active}
              onChange={(e) => widen(e.currentTarget.checked)}
            />
            {t('keepAllCookiesLabel')}
          </label>
          <p class={status.keep && !status.active ? 'hint warn' : 'hint'} role="status">
            {keepingStatusText(status)}
          </p>
        </>
      )}
      {confirming ? (
        <div role="group" aria-label={t('clearCookieValues')}>
          <p>{t('clearCookieValuesConfirm')}</p>
          <button type="button" class="danger" onClick={() => void clearAll()}>
            {t('clearCookieValuesYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('keepCookiesCancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('clearCookieValues')}
        </button>
      )}
      <StatusLine status={note} />
    </fieldset>
  );
}
