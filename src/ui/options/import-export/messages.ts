// Turns what can go wrong in an import or export into one sentence for the alert region.
import { DecryptError, ImportError, type ImportFormat } from '../../../core/formats/index.ts';
import { render, t } from '../../i18n.ts';
import { errorText } from '../../error-text.ts';

export function describeImportFailure(e: unknown): string {
  // The file, the place in it and the problem, all in the page's language.
  if (e instanceof ImportError) return render(e.userMessage);
  if (e instanceof DecryptError) return t('ieWrongPassphrase');
  return t('ieImportFailed', errorText(e));
}

export function describeExportFailure(e: unknown): string {
  return t('ieExportFailed', errorText(e));
}

/** Product names are not translated; only "several formats" is. */
const FORMAT_NAMES: Record<ImportFormat, string> = {
  tabularium: 'Tabularium',
  'tab-session-manager': 'Tab Session Manager',
  'session-buddy-json': 'Session Buddy JSON',
  'session-buddy-text': 'Session Buddy text',
  'session-buddy-csv': 'Session Buddy CSV',
  onetab: 'OneTab',
  'url-list': 'URL list',
  html: 'HTML',
  markdown: 'Markdown',
};

export function formatName(f: ImportFormat | 'mixed'): string {
  return f === 'mixed' ? t('ieFormatMixed') : FORMAT_NAMES[f];
}
