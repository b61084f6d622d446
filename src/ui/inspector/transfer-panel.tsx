// Import and export for the site or the selected cookies, with the formats' notes shown so
// nothing is lost without the person being told. An import is previewed by site first: only the
// ticked sites' cookies are set.
import { useState } from 'preact/hooks';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { counted } from '../../core/user-error.ts';
import { render, t } from '../i18n.ts';
import { copyText, download } from './clipboard.ts';
import { CookieImportPreview } from './cookie-import-preview.tsx';
import { chosenCookies, defaultChoice, groupByDomain, type DomainGroup } from './import-domains.ts';
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
  const [preview, setPreview] = useState<{ groups: DomainGroup[]; warnings: string[] } | undefined>(undefined);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());

  const make = () => {
    const r = exportCookies(scope === 'selection' ? selected : site, format, host);
    setResult(r);
    return r;
  };
  const doCopy = async () => {
    const r = make();
    try {
      await copyText(r.text);
      setMessage(render(counted(r.count, 'inspExportCopiedOne', 'inspExportCopiedOther')));
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const doDownload = () => {
    const r = make();
    download(r.text, r.filename, r.mime);
    setMessage(render(counted(r.count, 'inspExportSavedOne', 'inspExportSavedOther', r.filename)));
  };

  const doPreview = () => {
    setImportError(undefined);
    setImportNotes([]);
    try {
      const parsed = importText(text, url);
      const groups = groupByDomain(parsed.cookies, url);
      setPreview({ groups, warnings: parsed.warnings.map(render) });
      setChosen(defaultChoice(groups));
    } catch (e) {
      setPreview(undefined);
      setImportError(errorText(e));
    }
  };

  const toggleDomain = (domain: string, on: boolean) =>
    setChosen((cur) => {
      const next = new Set(cur);
      if (on) next.add(domain);
      else next.delete(domain);
      return next;
    });

  const doImport = async () => {
    if (!preview) return;
    const cookies = chosenCookies(preview.groups, chosen);
    const all = preview.groups.reduce((n, g) => n + g.cookies.length, 0);
    const left = all - cookies.length;
    const notes = [...preview.warnings];
    if (left > 0) notes.push(render(counted(left, 'inspImportLeftOutOne', 'inspImportLeftOutOther')));
    setPreview(undefined);
    setImportNotes(notes);
    try {
      setImportNotes([...notes, await onImport(cookies)]);
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
          <textarea
            rows={5}
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setPreview(undefined);
            }}
          />
        </label>
        <label>
          {t('inspImportFile')}
          <input
            type="file"
            accept=".txt,.json,text/plain,application/json"
            onChange={(e) => {
              setPreview(undefined);
              void loadFile(e.currentTarget.files?.[0]);
            }}
          />
        </label>
        <div class="row-actions">
          <button type="button" disabled={!text.trim()} onClick={doPreview}>
            {t('inspImportPreview')}
          </button>
        </div>
        {preview && (
          <CookieImportPreview
            groups={preview.groups}
            chosen={chosen}
            count={chosenCookies(preview.groups, chosen).length}
            onToggle={toggleDomain}
            onImport={() => void doImport()}
            onCancel={() => setPreview(undefined)}
          />
        )}
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
