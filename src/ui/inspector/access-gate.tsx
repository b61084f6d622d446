// Says which permission is off and asks for it from a click (the browser needs a user gesture).
// Inside DevTools the permissions API is missing, so the panel links to the standalone page.
import { permissionsApi } from '../../platform/permissions.ts';
import { inspectorUrl } from '../../platform/inspector-page.ts';
import { accessProblems, requestAccess } from '../../shared/cookie-access.ts';
import type { CookieAccess } from '../../shared/messages/cookies-messages.ts';
import { t } from '../i18n.ts';

export function AccessGate({
  access,
  url,
  host,
  onGranted,
}: {
  access: CookieAccess;
  url: string;
  host: string;
  onGranted(): void;
}) {
  const problems = accessProblems(access);
  const perms = permissionsApi();
  const ask = () => {
    if (!perms) return;
    // No await before request(): the click's user gesture must still be live.
    void requestAccess(perms, access).then((ok) => ok && onGranted());
  };
  return (
    <section class="gate" role="region" aria-labelledby="gate-title">
      <h2 id="gate-title">{t('inspAccessOff')}</h2>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p === 'cookies' ? t('inspAccessCookiesOff') : t('inspAccessHostOff', host)}</li>
        ))}
      </ul>
      {perms ? (
        <button type="button" class="primary" onClick={ask}>
          {t('inspAllowAccess')}
        </button>
      ) : (
        <a href={inspectorUrl(url)} target="_blank" rel="noopener">
          {t('inspOpenInTab')}
        </a>
      )}
    </section>
  );
}
