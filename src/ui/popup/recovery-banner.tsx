// After a crash: what can come back, and one click to bring it back.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { Res } from '../../shared/protocol.ts';
import { cookieRestoreText } from '../components/cookie-keeping.ts';
import { t } from '../i18n.ts';

type Pending = NonNullable<Res<'recovery.status'>['pending']>;

export function RecoveryBanner({ onDone, onError }: { onDone: (text: string) => void; onError: (e: unknown) => void }) {
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('recovery.status', {}).then((r) => setPending(r.pending), onError);
  }, []);

  if (!pending) return null;

  const recover = async () => {
    setBusy(true);
    try {
      const r = await call('recovery.recover', {});
      setPending(undefined);
      onDone(`${t('restoredMsg', r.tabs, r.windows)} ${cookieRestoreText(r.cookies)}`.trim());
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

  return (
    <section class="banner" role="region" aria-label={t('recover')}>
      <p>{t('recoverBannerText', pending.windows, pending.tabs)}</p>
      <button type="button" class="primary" disabled={busy} onClick={() => void recover()}>{t('recover')}</button>
      <button type="button" onClick={() => void dismiss()}>{t('dismiss')}</button>
    </section>
  );
}
