// After a crash: what can come back, and one click to bring it back. When an older copy looked
// fuller (many tabs closed just before the end), it is offered beside it, never instead.
import { useEffect, useState } from 'preact/hooks';
import { absoluteTime } from '../../core/format-time.ts';
import { call } from '../../shared/client.ts';
import type { Status } from '../components/status-line.tsx';
import type { RecoverWhich, Res } from '../../shared/protocol.ts';
import { countsText, t, tabsText, windowsText } from '../i18n.ts';
import { restoreStatus } from './restore-status.ts';

type Pending = NonNullable<Res<'recovery.status'>['pending']>;

interface Props {
  onDone: (s: Status) => void;
  onError: (e: unknown) => void;
  /** The sessions the banner offers now (none once it is gone), so the list leaves them out. */
  onPending?: (ids: readonly string[]) => void;
}

export function RecoveryBanner({ onDone, onError, onPending }: Props) {
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  useEffect(() => {
    const ids = [pending?.sessionId, pending?.earlier?.sessionId].filter((x): x is string => !!x);
    onPending?.(ids);
  }, [pending]);
  const [unreadable, setUnreadable] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('recovery.status', {}).then((r) => {
      setPending(r.pending);
      setUnreadable(!!r.unreadable);
    }, onError);
  }, []);

  if (!pending) return unreadable ? <UnreadableBanner onGone={() => setUnreadable(false)} onError={onError} /> : null;

  const recover = async (which: RecoverWhich = 'latest') => {
    setBusy(true);
    try {
      const r = await call('recovery.recover', { which });
      setPending(undefined);
      // What did not come back (a private window the browser refused…) is said here too.
      onDone(restoreStatus(r));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const dismiss = async () => {
    setPending(undefined);
    await call('recovery.dismiss', {}).catch(onError);
  };

  // The name of the second button says neither "Recover" nor the first's words: Recover stays one button.
  const earlier = pending.earlier;
  return (
    <section class="banner" role="region" aria-label={t('recover')}>
      <p>{t('recoverBannerText', windowsText(pending.windows), tabsText(pending.tabs))}</p>
      {earlier && <p>{t('recoverEarlierText', countsText(earlier.windows, earlier.tabs), absoluteTime(earlier.at))}</p>}
      <button type="button" class="primary" disabled={busy} onClick={() => void recover()}>
        {t('recover')}
      </button>
      {earlier && (
        <button type="button" disabled={busy} onClick={() => void recover('earlier')}>
          {t('recoverEarlierButton')}
        </button>
      )}
      {pending.asItWas && (
        <button type="button" disabled={busy} onClick={() => void recover('as-it-was')}>
          {t(
            'recoverAsItWasButton',
            absoluteTime(pending.asItWas.at),
            countsText(pending.asItWas.windows, pending.asItWas.tabs),
          )}
        </button>
      )}
      <button type="button" onClick={() => void dismiss()}>
        {t('dismiss')}
      </button>
    </section>
  );
}

/** Every copy of the last session was damaged: the raw data is kept for the person to take. */
function UnreadableBanner({ onGone, onError }: { onGone: () => void; onError: (e: unknown) => void }) {
  const download = async () => {
    try {
      const { json } = await call('recovery.exportUnreadable', {});
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      a.download = 'tabularium-unreadable-session.json';
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      onError(e);
    }
  };
  const forget = async () => {
    onGone();
    await call('recovery.forgetUnreadable', {}).catch(onError);
  };
  return (
    <section class="banner" role="region" aria-label={t('downloadUnreadable')}>
      <p>{t('unreadableBannerText')}</p>
      <button type="button" class="primary" onClick={() => void download()}>
        {t('downloadUnreadable')}
      </button>
      <button type="button" onClick={() => void forget()}>
        {t('forgetUnreadable')}
      </button>
    </section>
  );
}
