// Import and export for the site or the selected cookies, with the formats' notes shown so
// nothing is lost without the person being told.
import { useState } from 'preact/hooks';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { render, t } from '../i18n.ts';
import { copyText, download } from './clipboard.ts';
import { exportCookies, importText, type ExportFormat, type ExportResult } from './transfer.ts';
import { errorText } from '../error-text.ts';

interface Props {
  site: readonly CookieRecord[];
  selected: readonly CookieRecord[];
  host: string;
  url: string;
  onImport(cookies: CookieRecord[]): Promise<string>;
}

export function TransferPanel({ site, selected, host, url, onImport }: Props) {
  const [format, setFormat] = useState<ExportFormat>('netscape');
  const [scope, setScope] = useState<'site' | 'selection'>('site');
  const [result, setResult] = useState<ExportResult | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [importNotes, setImportNotes] = useState<string[]>([]);
  const [importError, setImportError] = useState<string | undefined>(undefined);

  const make = () => {
    const r = exportCookies(scope === 'selection' ? selected : site, format, host);
    setResult(r);
    return r;
  };
  const doCopy = async () => {
    const r = make();
    try {
      await copyText(r.text);
      setMessage(t('inspExportCopied', r.count));
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const doDownload = () => {
    const r = make();
    download(r.text, r.filename, r.mime);
    setMessage(t('inspExportSaved', r.count, r.filename));
  };

  const doImport = async () => {
    setImportError(undefined);
    setImportNotes([]);
    try {
      const parsed = importText(text, url);
      const warnings = parsed.warnings.map(render);
      setImportNotes(warnings);
      setImportNotes([...warnings, await onImport(parsed.cookies)]);
    } catch (e) {
      setImportError(errorText(e));
    }
  };

  const loadFile = async (f: File | undefined) => {
    if (f) setText(await f.text());
  };

  return (
    <details class="transfer">
      <summary>
        <h2>{t('inspTransferTitle')}</h2>
      </summary>
      <fieldset>
        <legend>{t('inspExport')}</legend>
        <label>
          {t('inspFormat')}
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            <option value="netscape">{t('inspFormatNetscape')}</option>
            <option value="json">{t('inspFormatJson')}</option>
            <option value="header">{t('inspFormatHeader')}</option>
          </select>
        </label>
        <label class="check">
          <input type="radio" name="scope" checked={scope === 'site'} onChange={() => setScope('site')} />
          {t('inspScopeSite', site.length)}
        </label>
        <label class="check">
          <input
            type="radio"
            name="scope"
            checked={scope === 'selection'}
            disabled={selected.length === 0}
            onChange={() => setScope('selection')}
          />
          {t('inspScopeSelection', selected.length)}
        </label>
        <div class="row-actions">
          <button type="button" onClick={() => void doCopy()}>
            {t('inspCopyExport')}
          </button>
          <button type="button" onClick={doDownload}>
            {t('inspDownloadExport')}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {message && <p>{message}</p>}
          {result && result.notes.length > 0 && (
            <ul class="notes" aria-label={t('inspExportNotes')}>
              {result.notes.map((n, i) => (
                <li key={i}>{render(n)}</li>
              ))}
            </ul>
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('inspImport')}</legend>
        <label>
          {t('inspImportText')}
          <textarea rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label>
          {t('inspImportFile')}
          <input
            type="file"
            accept=".txt,.json,text/plain,application/json"
            onChange={(e) => void loadFile(e.currentTarget.files?.[0])}
          />
        </label>
        <div class="row-actions">
          <button type="button" disabled={!text.trim()} onClick={() => void doImport()}>
            {t('inspImportButton')}
          </button>
        </div>
        {importError && (
          <p class="problem" role="alert">
            {importError}
          </p>
        )}
        {importNotes.length > 0 && (
          <ul class="notes" role="status">
            {importNotes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
      </fieldset>
    </details>
  );
}
