// The status line after a save: its name, and, when its cookies could not be kept, that and why
// (a save without its cookies may not log the person back in: they must not learn it at restore).
import type { Session } from '../../core/model.ts';
import type { UserMessage } from '../../core/user-error.ts';
import type { Status } from '../components/status-line.tsx';
import { render, t } from '../i18n.ts';

export function saveStatus(s: Session, cookieProblem: UserMessage | undefined, cookiesLocked?: boolean): Status {
  const text = t('savedSessionMsg', s.name);
  if (cookieProblem) return { kind: 'error', text: `${text} ${render(cookieProblem)}` };
  return { kind: 'info', text: cookiesLocked ? t('savedLocked', s.name) : text };
}
