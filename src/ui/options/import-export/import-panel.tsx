// Import: pick or drop files, see what they hold, then store it (or not).
import { useState } from 'preact/hooks';
import type { CookieJarMap, ImportPreview } from '../../../core/formats/index.ts';
import { counted } from '../../../core/user-error.ts';
import { call } from '../../../shared/client.ts';
import type { StatusAction } from '../../components/status-line.tsx';
import { render, t } from '../../i18n.ts';
import { previewImport, readFiles, storeImport, unlockCookies, type Progress } from './import-flow.ts';
import { ImportPreviewView } from './import-preview.tsx';
import { describeImportFailure } from './messages.ts';
import { ProgressBar } from './progress-bar.tsx';
import { benchMark, benchMeasure } from '../../bench-mark.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; files: number }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'storing'; preview: ImportPreview; progress: Progress };

export interface Notices {
  error(text: string): void;
  /** `action`: a button beside the text (bring back what an import replaced). */
  info(text: string, action?: StatusAction): void;
  clear(): void;
}

export function ImportPanel({ notices, onImported }: { notices: Notices; onImported: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [skipCookies, setSkipCookies] = useState(false);
  const [dragging, setDragging] = useState(false);
  const busy = phase.kind === 'reading' || phase.kind === 'storing';

  const load = async (list: FileList | null | undefined) => {
    const files = list ? [...list] : [];
    if (files.length === 0 || busy) return;
    notices.clear();
    setPassphrase('');
    setSkipCookies(false);
    setPhase({ kind: 'reading', files: files.length });
    try {
      if (__TABULARIUM_E2E__) benchMark('tabularium:import-preview:start');
      const preview = await previewImport(await readFiles(files));
      if (__TABULARIUM_E2E__) benchMeasure('tabularium:import-preview', 'tabularium:import-preview:start');
      setPhase({ kind: 'preview', preview });
    } catch (e) {
      setPhase({ kind: 'idle' });
      notices.error(describeImportFailure(e));
    }
  };

  const store = async (preview: ImportPreview) => {
    notices.clear();
    let jars: CookieJarMap | undefined;
    try {
      if (preview.encryptedCookies && !skipCookies) {
        if (passphrase === '') {
          notices.error(t('iePassphraseNeeded'));
          return;
        }
        // Checked before anything is sent: a wrong passphrase stores nothing.
        jars = await unlockCookies(preview.encryptedCookies, passphrase);
      }
      setPhase({ kind: 'storing', preview, progress: { done: 0, total: preview.counts.tabs } });
      const r = await storeImport(preview, jars, (progress) => setPhase({ kind: 'storing', preview, progress }));
      setPhase({ kind: 'idle' });
      const imported = render(counted(r.stored, 'ieImportedOne', 'ieImportedOther', r.skipped.length));
      if (r.replaced.length === 0) notices.info(imported);
      else {
        const replaced = render(counted(r.replaced.length, 'ieReplacedOne', 'ieReplacedOther'));
        notices.info(`${imported} ${replaced}`, bringBack(r.replaced.map((x) => x.id)));
      }
      onImported();
    } catch (e) {
      setPhase({ kind: 'preview', preview });
      notices.error(describeImportFailure(e));
    }
  };

  /** The replaced versions, out of the trash, as sessions of their own beside the imported ones. */
  const bringBack = (trashIds: string[]): StatusAction => ({
    label: t('ieBringBackReplaced'),
    run: () => {
      void (async () => {
        try {
          for (const id of trashIds) await call('sessions.undoDelete', { id });
          notices.info(t('ieBroughtBack'));
          onImported();
        } catch (e) {
          notices.error(describeImportFailure(e));
        }
      })();
    },
  });

  const preview = phase.kind === 'preview' || phase.kind === 'storing' ? phase.preview : undefined;

  return (
    <section class="ie-panel" aria-labelledby="ie-import-heading">
      <h3 id="ie-import-heading">{t('ieImportHeading')}</h3>
      <p class="muted">{t('ieImportHelp')}</p>
      <div
        class={`ie-drop${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void load(e.dataTransfer?.files);
        }}
      >
        <label>
          {t('ieChooseFiles')}
          <input
            type="file"
            multiple
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void load(input.files).finally(() => {
                // Choosing the same file again must fire change again.
                input.value = '';
              });
            }}
          />
        </label>
        <span class="muted">{t('ieDropHere')}</span>
      </div>
      {phase.kind === 'reading' && (
        <p role="status">{render(counted(phase.files, 'ieReadingOne', 'ieReadingOther'))}</p>
      )}
      {preview && <ImportPreviewView preview={preview} />}
      {preview?.encryptedCookies && (
        <fieldset class="ie-cookies">
          <legend>{t('ieCookiesFound')}</legend>
          <label>
            {t('iePassphrase')}
            <input
              type="password"
              autocomplete="off"
              value={passphrase}
              disabled={skipCookies || busy}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={skipCookies}
              disabled={busy}
              onChange={(e) => setSkipCookies(e.currentTarget.checked)}
            />
            {t('ieSkipCookies')}
          </label>
        </fieldset>
      )}
      {phase.kind === 'storing' && (
        <ProgressBar
          label={t('ieImportProgress')}
          progress={phase.progress}
          text={render(counted(phase.progress.total, 'ieStoringOne', 'ieStoringOther', phase.progress.done))}
        />
      )}
      {preview && (
        <div class="row">
          <button
            type="button"
            class="primary"
            disabled={busy || preview.sessions.length === 0}
            onClick={() => void store(preview)}
          >
            {t('ieImportButton')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setPhase({ kind: 'idle' });
              notices.clear();
            }}
          >
            {t('ieCancel')}
          </button>
        </div>
      )}
    </section>
  );
}
