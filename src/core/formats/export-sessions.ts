// The one entry point for exports. Every format is built from arrays joined once, so a session of
// tens of thousands of tabs never goes through a huge spread or apply (stack overflow).
import { exportHtml } from './html-export.ts';
import { exportMarkdown } from './markdown-text.ts';
import { exportOneTab } from './onetab-text.ts';
import type { EncryptedBlob } from './passphrase-crypto.ts';
import { exportTabulariumJson } from './tabularium-json.ts';
import { exportUrlText } from './url-list-text.ts';
import type { SessionWithBody } from '../model.ts';

export type ExportFormat = 'tabularium' | 'html' | 'markdown' | 'text' | 'onetab';

export interface ExportOptions {
  now: number;
  /** Only for 'tabularium': the encrypted cookie jars (see cookie-jars.ts) to carry along. */
  cookieJars?: EncryptedBlob;
}

/** File extension and MIME type for a download of each format. */
export const EXPORT_FILE_TYPES: Record<ExportFormat, { extension: string; mime: string }> = {
  tabularium: { extension: 'json', mime: 'application/json' },
  html: { extension: 'html', mime: 'text/html;charset=utf-8' },
  markdown: { extension: 'md', mime: 'text/markdown;charset=utf-8' },
  text: { extension: 'txt', mime: 'text/plain;charset=utf-8' },
  onetab: { extension: 'txt', mime: 'text/plain;charset=utf-8' },
};

export function exportSessions(items: readonly SessionWithBody[], format: ExportFormat, opts: ExportOptions): string {
  switch (format) {
    case 'tabularium':
      return exportTabulariumJson(items, opts);
    case 'html':
      return exportHtml(items, opts);
    case 'markdown':
      return exportMarkdown(items);
    case 'text':
      return exportUrlText(items);
    case 'onetab':
      return exportOneTab(items);
  }
}
