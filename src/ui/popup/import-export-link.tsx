// "Import or export" in the popup: the work needs room (previews, file pickers, progress), so it
// happens on the settings page; this opens that page at its import/export section.
import { openOptionsSection } from '../../platform/page.ts';
import { t } from '../i18n.ts';

/** Must match IMPORT_EXPORT_SECTION_ID on the settings page (not imported: the popup stays small). */
const SECTION_ID = 'import-export';

export function ImportExportLink({ onError }: { onError?: (e: unknown) => void }) {
  const open = async () => {
    try {
      await openOptionsSection(SECTION_ID);
      // The popup would stay open over the new tab otherwise.
      window.close();
    } catch (e) {
      onError?.(e);
    }
  };
  return (
    <button
      type="button"
      class="tool"
      aria-label={t('ieOpenImportExport')}
      title={t('ieOpenImportExport')}
      onClick={() => void open()}
    >
      <span aria-hidden="true">⇅</span> {t('toolImport')}
    </button>
  );
}
