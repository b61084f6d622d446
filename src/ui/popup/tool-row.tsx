// The popup's doors to the other pages: the cookie inspector, import/export, settings.
import { openOptionsPage } from '../../platform/page.ts';
import { t } from '../i18n.ts';
import { ImportExportLink } from './import-export-link.tsx';
import { InspectButton } from './inspect-button.tsx';

export function ToolRow({ onError }: { onError: (e: unknown) => void }) {
  return (
    <nav class="tool-row" aria-label={t('popupTools')}>
      <InspectButton onError={onError} />
      <ImportExportLink onError={onError} />
      <button type="button" class="link" onClick={() => void openOptionsPage().then(() => window.close(), onError)}>
        {t('openSettings')}
      </button>
    </nav>
  );
}
