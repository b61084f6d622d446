// The windows, groups and tabs of a moment, each tab with its favicon and title, marked when it is
// closed now; each window and tab can come back on its own.
import { Favicon } from '../../components/favicon.tsx';
import { t } from '../../i18n.ts';
import type { MomentModel } from './moment-model.ts';

export function MomentWindows({
  model,
  onRestoreWindow,
  onRestoreTab,
}: {
  model: MomentModel;
  onRestoreWindow: (windowIndex: number) => void;
  onRestoreTab: (windowIndex: number, tabIndex: number) => void;
}) {
  return (
    <ol class="moment-windows">
      {model.windows.map((w, wi) => (
        <li key={wi}>
          <div class="moment-window-head">
            <h3>{t('historyWindow', String(wi + 1))}</h3>
            <button type="button" class="link" onClick={() => onRestoreWindow(wi)}>
              {t('historyRestoreWindow', String(wi + 1))}
            </button>
          </div>
          <ul aria-label={t('historyWindow', String(wi + 1))}>
            {w.tabs.map((tab, ti) => (
              <li key={ti} class={tab.closedNow ? 'closed-now' : undefined}>
                <Favicon pageUrl={tab.url} />
                {tab.group && (
                  <span class={`group-chip group-${tab.group.color}`}>{tab.group.title || t('historyGroup')}</span>
                )}
                {tab.pinned && <span class="muted">{t('historyPinned')}</span>}
                <span class="tab-title" title={tab.url}>
                  {tab.title}
                </span>
                {tab.closedNow && <span class="muted">{t('historyClosedNow')}</span>}
                <button
                  type="button"
                  class="link"
                  aria-label={t('historyReopenTab', tab.title)}
                  onClick={() => onRestoreTab(wi, ti)}
                >
                  {t('historyReopen')}
                </button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
