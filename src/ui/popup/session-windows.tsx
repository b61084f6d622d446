// A saved session's windows and their tabs; each window, or each tab, can be opened alone.
import type { Session, SessionWithBody } from '../../core/model.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';
import { currentWindowId } from '../../platform/page.ts';
import { t, tabsText } from '../i18n.ts';
import { TabRow } from './tab-row.tsx';

interface Props {
  session: Session;
  windows: SessionWithBody['body']['windows'];
  /** [window index, tab index] of the tabs whose address carries a session token (the worker's marks). */
  urlTokenTabs: readonly [number, number][];
  onRestore: (s: Session, mode?: RestoreMode) => void;
  onRemoveTab: (windowIndex: number, tabIndex: number) => Promise<void>;
}

export function SessionWindows({ session, windows, urlTokenTabs, onRestore, onRemoveTab }: Props) {
  const withToken = new Set(urlTokenTabs.map(([w, t]) => `${w}:${t}`));
  // One tab opens in the window the popup belongs to, when there is one.
  const openTab = async (windowIndex: number, tabIndex: number) => {
    const into = await currentWindowId();
    onRestore(session, {
      kind: 'one-tab',
      windowIndex,
      tabIndex,
      ...(into === undefined ? {} : { intoWindowId: into }),
    });
  };

  return (
    <>
      {windows.map((w, wi) => (
        <section key={wi} class="window" aria-label={t('windowHeading', wi + 1, tabsText(w.tabs.length))}>
          <div class="window-head">
            <h3>{t('windowHeading', wi + 1, tabsText(w.tabs.length))}</h3>
            <button type="button" onClick={() => onRestore(session, { kind: 'one-window', windowIndex: wi })}>
              {t('openWindow', wi + 1)}
            </button>
          </div>
          <ul class="tabs">
            {w.tabs.map((tab, ti) => (
              <TabRow
                key={ti}
                tab={tab}
                group={tab.groupIndex === undefined ? undefined : w.groups[tab.groupIndex]}
                hasUrlToken={withToken.has(`${wi}:${ti}`)}
                onOpen={() => void openTab(wi, ti)}
                onRemove={() => void onRemoveTab(wi, ti)}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
