// The settings page's "Import and export" section. Errors go to one alert region, outcomes to one
// status region, both present from the start so screen readers announce what lands in them.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../../core/model.ts';
import { call } from '../../../shared/client.ts';
import type { StatusAction } from '../../components/status-line.tsx';
import { t } from '../../i18n.ts';
import { ExportPanel } from './export-panel.tsx';
import { ImportPanel, type Notices } from './import-panel.tsx';
import './import-export.css';
import { errorText } from '../../error-text.ts';

/** The popup's "Import or export" opens the settings page at this fragment. */
export const IMPORT_EXPORT_SECTION_ID = 'import-export';

export function ImportExportSection() {
  const [sessions, setSessions] = useState<Session[]>([]);
  const [error, setError] = useState('');
  const [info, setInfo] = useState<{ text: string; action?: StatusAction }>({ text: '' });
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(async () => {
    try {
      setSessions((await call('sessions.list', {})).sessions);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    void reload();
    // The page renders after the browser tried to scroll to the fragment: do it now.
    if (location.hash === `#${IMPORT_EXPORT_SECTION_ID}`) {
      heading.current?.scrollIntoView();
      heading.current?.focus();
    }
  }, [reload]);

  const notices: Notices = {
    error: (text) => {
      setInfo({ text: '' });
      setError(text);
    },
    info: (text, action) => {
      setError('');
      setInfo(action ? { text, action } : { text });
    },
    clear: () => {
      setError('');
      setInfo({ text: '' });
    },
  };

  return (
    <section id={IMPORT_EXPORT_SECTION_ID} class="ie" aria-labelledby="ie-heading">
      <h2 id="ie-heading" ref={heading} tabIndex={-1}>
        {t('ieSection')}
      </h2>
      <div class="ie-alert" role="alert">
        {error}
      </div>
      <div class="ie-status" role="status">
        {info.text}
        {info.action && (
          <>
            {' '}
            <button type="button" onClick={info.action.run}>
              {info.action.label}
            </button>
          </>
        )}
      </div>
      <ImportPanel notices={notices} onImported={() => void reload()} />
      <ExportPanel sessions={sessions} notices={notices} />
    </section>
  );
}
