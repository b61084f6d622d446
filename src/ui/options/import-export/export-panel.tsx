// Export: choose sessions and a format, optionally a passphrase for the cookies (typed twice, a weak
// one only by choice), whether session tokens stay in addresses, get a file.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ExportFormat } from '../../../core/formats/index.ts';
import type { Session } from '../../../core/model.ts';
import { counted } from '../../../core/user-error.ts';
import type { MessageKey } from '../../message-keys.ts';
import { usePassphraseStrength } from '../../components/passphrase-strength.ts';
import { render, t, tabsText, windowsText } from '../../i18n.ts';
import { buildExport, download, type ExportResult } from './export-flow.ts';
import type { Progress } from './import-flow.ts';
import type { Notices } from './import-panel.tsx';
import { ExportPassphrase, PASSPHRASE_PROBLEM_ID } from './export-passphrase.tsx';
import { describeExportFailure } from './messages.ts';
import { passphraseGate, type PassphraseGate } from './passphrase-gate.ts';
import { ProgressBar } from './progress-bar.tsx';

const FORMATS: [ExportFormat, MessageKey][] = [
  ['tabularium', 'ieFormatTabularium'],
  ['html', 'ieFormatHtml'],
  ['markdown', 'ieFormatMarkdown'],
  ['text', 'ieFormatText'],
  ['onetab', 'ieFormatOnetab'],
];

/** What the file holds, said once it is written: sessions, encrypted cookies, tokens left out (or kept). */
function exportedText(r: ExportResult): string {
  const parts = [render(counted(r.sessions, 'ieExportedOne', 'ieExportedOther', r.fileName))];
  if (r.withCookies) parts.push(render(counted(r.withCookies, 'ieExportedCookiesOne', 'ieExportedCookiesOther')));
  if (r.tokenTabs && r.tokensKept) {
    parts.push(render(counted(r.tokenTabs, 'ieExportTokensKeptOne', 'ieExportTokensKeptOther')));
  } else if (r.tokenTabs) {
    parts.push(render(counted(r.tokenTabs, 'ieExportTokensRemovedOne', 'ieExportTokensRemovedOther')));
  }
  return parts.join(' ');
}

export function ExportPanel({ sessions, notices }: { sessions: Session[]; notices: Notices }) {
  // Unchecked ids rather than checked ones: sessions that appear later (an import) start selected.
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [format, setFormat] = useState<ExportFormat>('tabularium');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [useWeakAnyway, setUseWeakAnyway] = useState(false);
  const [keepUrlTokens, setKeepUrlTokens] = useState(false);
  // Only the Tabularium format carries cookies, so only there does the passphrase count.
  const withPassphrase = format === 'tabularium';
  const strength = usePassphraseStrength(withPassphrase ? passphrase : '');
  const gate: PassphraseGate = withPassphrase
    ? passphraseGate({ passphrase, confirm, strength, useWeakAnyway })
    : { ok: true, cookies: false };
  const [progress, setProgress] = useState<Progress | undefined>(undefined);

  useEffect(() => {
    // Forget ids that are gone, so "All" stays truthful.
    const ids = new Set(sessions.map((s) => s.id));
    setUnchecked((cur) => new Set([...cur].filter((id) => ids.has(id))));
  }, [sessions]);

  const chosen = useMemo(() => sessions.filter((s) => !unchecked.has(s.id)), [sessions, unchecked]);
  const allChecked = chosen.length === sessions.length;

  const toggle = (id: string, on: boolean) =>
    setUnchecked((cur) => {
      const next = new Set(cur);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });

  const run = async () => {
    if (!gate.ok) return;
    notices.clear();
    setProgress({ done: 0, total: chosen.length });
    try {
      const r = await buildExport(
        chosen.map((s) => s.id),
        format,
        { passphrase: gate.cookies ? passphrase : '', keepUrlTokens },
        setProgress,
      );
      download(r.blob, r.fileName);
      notices.info(exportedText(r));
    } catch (e) {
      notices.error(describeExportFailure(e));
    } finally {
      setProgress(undefined);
    }
  };

  if (sessions.length === 0) {
    return (
      <section class="ie-panel" aria-labelledby="ie-export-heading">
        <h3 id="ie-export-heading">{t('ieExportHeading')}</h3>
        <p class="muted">{t('ieNoSessions')}</p>
      </section>
    );
  }

  return (
    <section class="ie-panel" aria-labelledby="ie-export-heading">
      <h3 id="ie-export-heading">{t('ieExportHeading')}</h3>
      <fieldset>
        <legend>{t('ieExportSessions')}</legend>
        <label>
          <input
            type="checkbox"
            checked={allChecked}
            indeterminate={!allChecked && chosen.length > 0}
            onChange={(e) => setUnchecked(e.currentTarget.checked ? new Set() : new Set(sessions.map((s) => s.id)))}
          />
          {t('ieSelectAll', sessions.length)}
        </label>
        <ul class="ie-choose">
          {sessions.map((s) => (
            <li key={s.id}>
              <label>
                <input
                  type="checkbox"
                  checked={!unchecked.has(s.id)}
                  onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                />
                <span class="name">{s.name}</span>
                <span class="muted">{t('ieSessionLine', windowsText(s.counts.windows), tabsText(s.counts.tabs))}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <label>
        {t('ieFormat')}
        <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {FORMATS.map(([f, key]) => (
            <option key={f} value={f}>
              {t(key)}
            </option>
          ))}
        </select>
      </label>
      {format === 'tabularium' && (
        <ExportPassphrase
          passphrase={passphrase}
          confirm={confirm}
          useWeakAnyway={useWeakAnyway}
          strength={strength}
          gate={gate}
          onPassphrase={(v) => {
            setPassphrase(v);
            // A tick given for one weak passphrase is not a tick for the next.
            setUseWeakAnyway(false);
          }}
          onConfirm={setConfirm}
          onUseWeakAnyway={setUseWeakAnyway}
        />
      )}
      <div>
        <label>
          <input
            type="checkbox"
            checked={keepUrlTokens}
            aria-describedby="ie-export-tokens-help"
            onChange={(e) => setKeepUrlTokens(e.currentTarget.checked)}
          />
          {t('ieExportKeepTokens')}
        </label>
        <p id="ie-export-tokens-help" class="muted">
          {t('ieExportKeepTokensHelp')}
        </p>
      </div>
      {progress && <ProgressBar label={t('ieExportProgress')} progress={progress} />}
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={!!progress || chosen.length === 0 || !gate.ok}
          aria-describedby={gate.ok ? undefined : PASSPHRASE_PROBLEM_ID}
          onClick={() => void run()}
        >
          {render(counted(chosen.length, 'ieExportButtonOne', 'ieExportButtonOther'))}
        </button>
      </div>
    </section>
  );
}
