// The status line after a restore: tabs and windows opened, what did not come back and why, and
// the cookies' fate.
import { cookieRestoreText } from '../components/keeping-switch.ts';
import type { Status, StatusAction } from '../components/status-line.tsx';
import { counted, render, t, tabsText, windowsText } from '../i18n.ts';
import type { RestoreReport } from '../../shared/protocol.ts';

/** Distinct reasons shown; a restore of 300 refused tabs says why once, not 300 times. */
const SHOWN_REASONS = 3;

/** "Not restored (2): A private window could not be opened: …" or '' when everything came back. */
export function failuresText(failed: RestoreReport['failed']): string {
  if (failed.length === 0) return '';
  const reasons = [...new Set(failed.map((f) => render(f.reason)))];
  const shown = reasons.slice(0, SHOWN_REASONS).join(' ');
  const more = reasons.length > SHOWN_REASONS ? ` ${t('restoreMoreProblems', reasons.length - SHOWN_REASONS)}` : '';
  return t('restoreProblems', failed.length, shown + more);
}

/** `actions`: Undo (after a Replace), put newer cookies back…; undefined ones are left out. */
export function restoreStatus(r: RestoreReport, ...actions: (StatusAction | undefined)[]): Status {
  if (r.cancelled) return { kind: 'info', text: counted(r.tabs, 'restoreCancelledOne', 'restoreCancelledOther') };
  const [action, secondAction] = actions.filter((a): a is StatusAction => !!a);
  return {
    kind: r.failed.length ? 'error' : 'info',
    text: [
      t('restoredMsg', tabsText(r.tabs), windowsText(r.windows)),
      failuresText(r.failed),
      cookieRestoreText(r.cookies),
    ]
      .filter(Boolean)
      .join(' '),
    ...(action ? { action } : {}),
    ...(secondAction ? { secondAction } : {}),
  };
}
