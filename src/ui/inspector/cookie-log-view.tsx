// The live cookie log: time, cookie, what happened and the browser's cause.
import type { CookieChange } from '../../core/cookies/cookie-log-pairing.ts';
import { t } from '../i18n.ts';
import type { MessageKey } from '../message-keys.ts';

const KIND: Record<CookieChange['kind'], MessageKey> = {
  added: 'inspChangeAdded',
  removed: 'inspChangeRemoved',
  updated: 'inspChangeUpdated',
};
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function CookieLogView({ log }: { log: readonly CookieChange[] }) {
  return (
    <section class="log" aria-labelledby="log-title">
      <h2 id="log-title">{t('inspLogTitle')}</h2>
      {log.length === 0 ? (
        <p class="muted">{t('inspLogEmpty')}</p>
      ) : (
        <ol aria-label={t('inspLogTitle')}>
          {log.map((c) => (
            <li key={`${c.seq}-${c.at}`} class={`change change-${c.kind}`}>
              <time dateTime={new Date(c.at).toISOString()}>{time.format(c.at)}</time>{' '}
              <span class="kind">{t(KIND[c.kind])}</span> <span class="cname">{c.cookie.name}</span>{' '}
              <span class="muted">{`${c.cookie.domain}${c.cookie.path}`}</span>{' '}
              <span class="cause">{t('inspCause', c.cause)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
