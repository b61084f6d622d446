// The other ways to restore a session, from its row: into new windows, into this window, or instead
// of the open windows (which asks first, with **Replace**, as the detail's "Restore into" does).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';
import { currentWindowId } from '../../platform/page.ts';
import { t } from '../i18n.ts';

interface Props {
  session: Session;
  onRestore: (s: Session, mode?: RestoreMode) => void;
}

export function RestoreMenu({ session, onRestore }: Props) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"], button')?.focus();
  }, [open, confirming]);

  const close = () => {
    setOpen(false);
    setConfirming(false);
    toggle.current?.focus();
  };
  const thisWindow = async () => {
    const windowId = await currentWindowId();
    close();
    onRestore(session, windowId === undefined ? undefined : { kind: 'current-window', windowId });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
      const i = items.indexOf(document.activeElement as HTMLElement);
      items[(i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    }
  };

  return (
    <>
      <button
        ref={toggle}
        type="button"
        class="primary compact menu-toggle"
        aria-label={t('restoreWays', session.name)}
        title={t('restoreMode')}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        ▾
      </button>
      {open && (
        <div class="menu" ref={menu} onKeyDown={onKeyDown}>
          {confirming ? (
            <div role="alertdialog" aria-label={t('confirmReplace')} class="menu-confirm">
              <p>{t('confirmReplace')}</p>
              <button
                type="button"
                class="danger"
                onClick={() => {
                  close();
                  // An empty list means "every window open now": the worker knows them.
                  onRestore(session, { kind: 'replace', windowIds: [] });
                }}
              >
                {t('confirmYes')}
              </button>
              <button type="button" onClick={close}>
                {t('confirmNo')}
              </button>
            </div>
          ) : (
            <div role="menu" aria-label={t('restoreMode')}>
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  close();
                  onRestore(session);
                }}
              >
                {t('modeNewWindows')}
              </button>
              <button type="button" role="menuitem" onClick={() => void thisWindow()}>
                {t('modeCurrentWindow')}
              </button>
              <button type="button" role="menuitem" onClick={() => setConfirming(true)}>
                {t('modeReplace')}
              </button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
