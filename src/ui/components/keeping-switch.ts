// What the popup's toggle and the settings page share about cookie keeping: switching it on from
// a click (the permission prompt needs the user gesture), the words for why it is off, and the
// cookie part of a restore's status line.
import { permissionsApi } from '../../platform/permissions.ts';
import { call } from '../../shared/client.ts';
import { requestKeepingAccess } from '../../shared/cookie-keeping-access.ts';
import {
  newerSkipped,
  type CookieKeepingStatus,
  type CookieRestoreReport,
} from '../../shared/messages/keeping-messages.ts';
import { counted, t } from '../i18n.ts';
import type { Status } from './status-line.tsx';
import { errorText } from '../error-text.ts';

/**
 * Turns keeping on or off. On: the prompt is asked for first, synchronously in the click; the
 * setting is sent at once as well, because a popup may close while the prompt shows (the worker
 * starts by itself when the permission arrives). Resolves with the status after the answer.
 */
export async function switchKeeping(
  on: boolean,
  current: CookieKeepingStatus | undefined,
): Promise<CookieKeepingStatus> {
  if (!on) return call('keeping.set', { keep: false });
  const granted = requestKeepingAccess(permissionsApi(), current?.permission ?? false);
  const set = call('keeping.set', { keep: true });
  await granted;
  await set;
  return call('keeping.status', {});
}

/** One line: on, or off and why. */
export function keepingStatusText(s: CookieKeepingStatus): string {
  if (s.active) return counted(s.liveCookies, 'keepCookiesOnOne', 'keepCookiesOnOther');
  if (s.off === 'permission') return t('keepCookiesOffPermission');
  if (s.off === 'unsupported') return t('keepCookiesOffUnsupported');
  if (s.off === 'locked') return t('keepOffLocked');
  return t('keepCookiesOffSetting');
}

/** "N cookies restored, M failed." after a restore, or '' when the session had no cookies. */
export function cookieRestoreText(c: CookieRestoreReport | undefined): string {
  if (c?.lockedSessionId) return t('cookiesLocked');
  if (!c || c.restored + c.failed.length + c.skipped.length === 0) return '';
  return counted(c.restored, 'cookiesRestoredOne', 'cookiesRestoredOther', c.failed.length);
}

/**
 * The status line's action after a restore that kept newer cookies: put the saved ones back over
 * them, if the person asks. Undefined when there is nothing to offer.
 */
export function overwriteNewerAction(
  c: CookieRestoreReport | undefined,
  sessionId: string,
  show: (s: Status) => void,
): Status['action'] | undefined {
  const newer = newerSkipped(c);
  if (!newer) return undefined;
  return {
    label: counted(newer, 'cookiesOverwriteNewerOne', 'cookiesOverwriteNewerOther'),
    run: () => {
      call('keeping.restoreCookies', { sessionId, overwrite: true }).then(
        (r) => show({ kind: r.failed.length ? 'error' : 'info', text: cookieRestoreText(r) }),
        (e: unknown) => show({ kind: 'error', text: t('errorPrefix', errorText(e)) }),
      );
    },
  };
}
