// What an import would store, shown before anything is stored: counts, the sessions (and which
// stored ones they replace, and how they differ), the tabs that will not be opened, and what was
// skipped and why. Titles and URLs are rendered as text.
import type { ImportPreview as Preview } from '../../../core/formats/index.ts';
import type { TabRecord } from '../../../core/model.ts';
import { counted } from '../../../core/user-error.ts';
import { checkUrl } from '../../../core/url-policy.ts';
import { render, sessionsText, t, tabsText, windowsText } from '../../i18n.ts';
import { formatName } from './messages.ts';

/** Enough to recognise the file without rendering 10,000 rows. */
const SHOWN_SESSIONS = 50;
const SHOWN_TABS = 50;

function notOpenableTabs(preview: Preview): TabRecord[] {
  const out: TabRecord[] = [];
  if (preview.counts.notOpenable === 0) return out;
  for (const { body } of preview.sessions) {
    for (const w of body.windows) {
      for (const tab of w.tabs) {
        if (!checkUrl(tab.url).openable) out.push(tab);
        if (out.length >= SHOWN_TABS) return out;
      }
    }
  }
  return out;
}

export function ImportPreviewView({ preview }: { preview: Preview }) {
  const { counts } = preview;
  const blocked = notOpenableTabs(preview);
  const shown = preview.sessions.slice(0, SHOWN_SESSIONS);
  const replaces = new Map(preview.replaces.map((r) => [r.id, r]));
  return (
    <section class="ie-preview" aria-labelledby="ie-preview-heading">
      <h4 id="ie-preview-heading">{t('iePreviewHeading')}</h4>
      <p data-testid="ie-counts">
        {t(
          'iePreviewFound',
          sessionsText(counts.sessions),
          windowsText(counts.windows),
          tabsText(counts.tabs),
          formatName(preview.format),
        )}
      </p>
      {counts.sessions === 0 && <p>{t('ieNothingNew')}</p>}
      {replaces.size > 0 && (
        <p data-testid="ie-replaces">{render(counted(replaces.size, 'ieReplacesOne', 'ieReplacesOther'))}</p>
      )}
      {shown.length > 0 && (
        <ul class="ie-sessions">
          {shown.map(({ session }) => {
            const r = replaces.get(session.id);
            return (
              <li key={session.id}>
                <span class="name">{session.name}</span>{' '}
                <span class="muted">
                  — {t('ieSessionLine', windowsText(session.counts.windows), tabsText(session.counts.tabs))}
                </span>
                {r && (
                  <>
                    {' '}
                    <strong class="ie-replaces">
                      {t('ieReplacesLine', r.storedName, r.changes.map((c) => render(c)).join('; '))}
                    </strong>
                  </>
                )}
              </li>
            );
          })}
          {preview.sessions.length > shown.length && (
            <li class="muted">{t('ieMoreSessions', preview.sessions.length - shown.length)}</li>
          )}
        </ul>
      )}
      {counts.notOpenable > 0 && (
        <details open>
          <summary>{render(counted(counts.notOpenable, 'ieNotOpenableOne', 'ieNotOpenableOther'))}</summary>
          <h5 class="visually-hidden">{t('ieNotOpenableHeading')}</h5>
          <ul class="ie-blocked">
            {blocked.map((tab, i) => (
              <li key={i}>
                <span class="title">{tab.title}</span> <code>{tab.url}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview.skipped.length > 0 && (
        <details>
          <summary>{t('ieSkippedHeading', preview.skipped.length)}</summary>
          <ul class="ie-skipped">
            {preview.skipped.map((s, i) => (
              <li key={i}>{t('ieSkippedNote', render(s.what), render(s.reason))}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
