// How the live log words a change: the browser's cause in plain words, and which fields an update
// changed, so the log can show them old → new.
import type { CookieChange } from '../../core/cookies/cookie-log-pairing.ts';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import type { MessageKey } from '../message-keys.ts';
import { flagsOf } from './rows.ts';

/** The browser's causes (cookies.onChanged): explicit, overwrite, expired, expired_overwrite, evicted. */
export function causeKey(c: Pick<CookieChange, 'kind' | 'cause'>): MessageKey {
  // A paired update is the browser's overwrite removal plus an explicit insert: one replacement.
  if (c.kind === 'updated') return 'inspCauseReplaced';
  switch (c.cause) {
    case 'explicit':
      return c.kind === 'added' ? 'inspCauseSet' : 'inspCauseDeleted';
    case 'overwrite':
      return 'inspCauseReplaced';
    case 'expired':
      return 'inspCauseExpired';
    case 'expired_overwrite':
      return 'inspCauseExpiredOverwrite';
    case 'evicted':
      return 'inspCauseEvicted';
    default:
      return 'inspCauseOther';
  }
}

export type ChangedField = 'value' | 'expires' | 'flags';
const FIELDS: readonly ChangedField[] = ['value', 'expires', 'flags'];

function fieldKey(c: CookieRecord, f: ChangedField): string {
  if (f === 'value') return c.value;
  if (f === 'expires') return c.session ? 'session' : String(c.expirationDate ?? '');
  return flagsOf(c).join(' ');
}

/** What an entry shows: for an update the fields that differ (the value when none does), else the value. */
export function changedFields(ch: Pick<CookieChange, 'kind' | 'cookie' | 'previous'>): ChangedField[] {
  const before = ch.previous;
  if (ch.kind !== 'updated' || !before) return ['value'];
  const out = FIELDS.filter((f) => fieldKey(before, f) !== fieldKey(ch.cookie, f));
  return out.length ? out : ['value'];
}
