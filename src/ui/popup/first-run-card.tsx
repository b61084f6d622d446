// A newcomer's first look: what the extension does, its keyboard shortcuts, and the one choice to
// make (keep session cookies). Shown until dismissed; the dismissal is remembered by this page.
import { useEffect, useState } from 'preact/hooks';
import { commandShortcuts, type Shortcut } from '../../platform/popup-doors.ts';
import { t } from '../i18n.ts';
import type { MessageKey } from '../message-keys.ts';
import { CookieKeepingToggle } from './cookie-keeping-toggle.tsx';

export const FIRST_RUN_KEY = 'tabularium:first-run-done';

const COMMAND_LABELS: Record<string, MessageKey> = {
  _execute_action: 'commandOpenPopup',
  'save-all-windows': 'commandSaveAll',
  'save-this-window': 'commandSaveWindow',
};

function seen(): boolean {
  try {
    return localStorage.getItem(FIRST_RUN_KEY) === '1';
  } catch {
    return false;
  }
}

export function FirstRunCard({ onError }: { onError: (e: unknown) => void }) {
  const [open, setOpen] = useState(() => !seen());
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    if (open) commandShortcuts().then(setShortcuts, () => undefined);
  }, []);
  if (!open) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(FIRST_RUN_KEY, '1');
    } catch {
      // Without storage the card comes back next time: no harm.
    }
    setOpen(false);
  };
  return (
    <section class="first-run" aria-labelledby="first-run-title">
      <div class="first-run-head">
        <h2 id="first-run-title">{t('firstRunTitle')}</h2>
        <button type="button" class="primary" aria-label={t('firstRunDismissLabel')} onClick={dismiss}>
          {t('firstRunDismiss')}
        </button>
      </div>
      <p>{t('firstRunText')}</p>
      {shortcuts.length > 0 && (
        <dl class="shortcuts" aria-label={t('firstRunShortcuts')}>
          {shortcuts.map((s) => (
            <div key={s.name}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>
                {COMMAND_LABELS[s.name] ? t(COMMAND_LABELS[s.name]!) : s.name}
                {s.unset && <span class="unset">{` (${t('shortcutUnset')})`}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <CookieKeepingToggle optIn onError={onError} onInfo={() => undefined} />
    </section>
  );
}
