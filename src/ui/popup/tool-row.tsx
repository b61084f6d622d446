// The popup's doors to the other pages, compact (icon and a short word; the full name for screen
// readers and as a tooltip): all sessions in a page, the cookie inspector, import/export, settings.
import { openOptionsPage } from '../../platform/page.ts';
import { openExtensionTab } from '../../platform/popup-doors.ts';
import { t } from '../i18n.ts';
import { ImportExportLink } from './import-export-link.tsx';
import { InspectButton } from './inspect-button.tsx';

/** The full-page manager (built at src/ui/manager/). */
export const MANAGER_PATH = 'src/ui/manager/index.html';

export function ToolRow({ onError }: { onError: (e: unknown) => void }) {
  const openManager = () => void openExtensionTab(MANAGER_PATH).then(() => window.close(), onError);
  return (
    <nav class="tool-row" aria-label={t('popupTools')}>
      <button type="button" class="tool" title={t('allSessionsTitle')} onClick={openManager}>
        <span aria-hidden="true">▤</span> {t('allSessions')}
      </button>
      <InspectButton onError={onError} />
      <ImportExportLink onError={onError} />
      <button
        type="button"
        class="tool"
        aria-label={t('openSettings')}
        title={t('openSettings')}
        onClick={() => void openOptionsPage().then(() => window.close(), onError)}
      >
        <span aria-hidden="true">⚙</span> {t('openSettings')}
      </button>
    </nav>
  );
}
