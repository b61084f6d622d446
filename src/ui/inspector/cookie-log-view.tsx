// The live cookie log, newest first: time, what happened to which cookie, why in plain words (set
// by the page, expired, replaced…) and what changed, old → new. Values stay masked unless shown.
import type { CookieChange } from '../../core/cookies/cookie-log-pairing.ts';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { t } from '../i18n.ts';
import type { MessageKey } from '../message-keys.ts';
import { causeKey, changedFields, type ChangedField } from './change-words.ts';
import { expiresText } from './expires.ts';
import { flagsOf } from './rows.ts';

const KIND: Record<CookieChange['kind'], MessageKey> = {
  added: 'inspChangeAdded',
  removed: 'inspChangeRemoved',
  updated: 'inspChangeUpdated',
};
const FIELD: Record<ChangedField, MessageKey> = {
  value: 'inspColValue',
  expires: 'inspColExpires',
  flags: 'inspColFlags',
};
const MASK = '••••••';
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

interface Props {
  log: readonly CookieChange[];
  /** The "Show values" switch: values in the log are masked like the table's. */
  showValues: boolean;
  now: number;
}

function fieldText(c: CookieRecord, f: ChangedField, showValues: boolean, now: number): string {
  if (f === 'value') return showValues ? c.value : MASK;
  if (f === 'flags') return flagsOf(c).join(' · ');
  const exp = expiresText(c, now);
  return exp.session ? t('inspSession') : exp.date;
}

function ChangeFields({ change, showValues, now }: { change: CookieChange; showValues: boolean; now: number }) {
  const fields = changedFields(change);
  return (
    <ul class="diff">
      {fields.map((f) => {
        const after = fieldText(change.cookie, f, showValues, now);
        const text =
          change.kind === 'updated' && change.previous
            ? t('inspChangeFrom', fieldText(change.previous, f, showValues, now), after)
            : change.kind === 'removed'
              ? t('inspChangeWas', after)
              : after;
        return (
          <li key={f}>
            <span class="muted">{t(FIELD[f])}</span> <span class={f === 'value' ? 'value' : ''}>{text}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function CookieLogView({ log, showValues, now }: Props) {
  return (
    <section class="log" aria-labelledby="log-title">
      <h2 id="log-title">{t('inspLogTitle')}</h2>
      {!showValues && log.length > 0 && <p class="muted">{t('inspValuesMasked')}</p>}
      {log.length === 0 ? (
        <p class="muted">{t('inspLogEmpty')}</p>
      ) : (
        <ol aria-label={t('inspLogTitle')}>
          {log.map((c) => (
            <li key={`${c.seq}-${c.at}`} class={`change change-${c.kind}`}>
              <div>
                <span class="kind">{t(KIND[c.kind])}</span> <span class="cname">{c.cookie.name}</span>{' '}
                <span class="cause">{t(causeKey(c), c.cause)}</span>
              </div>
              <div class="muted where">
                <time dateTime={new Date(c.at).toISOString()}>{time.format(c.at)}</time>{' '}
                {`${c.cookie.domain}${c.cookie.path}`}
              </div>
              <ChangeFields change={c} showValues={showValues} now={now} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
