// The status line after a restore: tabs and windows opened, failures, and the cookies' fate.
import { cookieRestoreText } from '../components/keeping-switch.ts';
import type { Status } from '../components/status-line.tsx';
import { t } from '../i18n.ts';
import type { RestoreReport } from '../../shared/protocol.ts';

export function restoreStatus(r: RestoreReport, action: Status['action'] | undefined): Status {
  if (r.cancelled) return { kind: 'info', text: t('restoreCancelled', r.tabs) };
  const failed = r.failed.length ? ` ${t('restoreFailures', r.failed.length)}` : '';
  return {
    kind: r.failed.length ? 'error' : 'info',
    text: `${t('restoredMsg', r.tabs, r.windows)}${failed} ${cookieRestoreText(r.cookies)}`.trim(),
    ...(action ? { action } : {}),
  };
}
