// Results as you type: how many sessions match, then each one (its name and date) with its matching
// tabs under it, the match marked in the title and in the part of the address around it. Arrow
// keys move, Enter restores a session or opens a tab.
import { useEffect, useRef, useState } from 'preact/hooks';
import { absoluteTime, relativeTime } from '../../core/format-time.ts';
import { queryWords, urlSnippet } from '../../core/search-snippet.ts';
import type { Session } from '../../core/model.ts';
import { call } from '../../shared/client.ts';
import type { Res } from '../../shared/protocol.ts';
import { Favicon } from '../components/favicon.tsx';
import { Highlighted } from '../components/highlighted.tsx';
import { counted, countsText, t } from '../i18n.ts';
import { moveFocus } from './list-keys.ts';
import { benchMark } from '../bench-mark.ts';

type Result = Res<'sessions.search'>['results'][number];

const LIMIT = 20;

interface Props {
  query: string;
  onRestore: (s: Session) => void;
  onDelete: (s: Session) => void;
  onOpenTab: (s: Session, windowIndex: number, tabIndex: number) => void;
  onDetails: (s: Session) => void;
  onError: (e: unknown) => void;
  /** Focus leaves the list upwards (back to the search box). */
  onExitTop: () => void;
  /** Escape from within the results: clear the search (the popup would otherwise close). */
  onEscape: () => void;
  version: number;
}

export function SearchResults({
  query,
  onRestore,
  onDelete,
  onOpenTab,
  onDetails,
  onError,
  onExitTop,
  onEscape,
  version,
}: Props) {
  const [results, setResults] = useState<Result[] | undefined>(undefined);
  const box = useRef<HTMLUListElement>(null);
  const words = queryWords(query);

  useEffect(() => {
    let stale = false;
    // 20 sessions fill more than the popup's height; the rest is one more specific word away.
    call('sessions.search', { query, limit: LIMIT }).then(
      (r) => {
        if (stale) return;
        setResults(r.results);
        // For the benchmark: when the results of this query reached the screen.
        if (__TABULARIUM_E2E__) requestAnimationFrame(() => benchMark('tabularium:search-results', query));
      },
      (e: unknown) => !stale && onError(e),
    );
    return () => {
      stale = true;
    };
  }, [query, version]);

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      onEscape();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const items = [...(box.current?.querySelectorAll('[data-nav]') ?? [])];
      if (e.key === 'ArrowUp' && items[0] === target) onExitTop();
      else moveFocus(box.current, target.closest('[data-nav]'), e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  if (!results) return <p class="empty" aria-busy="true" />;
  if (results.length === 0) return <p class="empty">{t('noMatches')}</p>;
  const now = Date.now();

  return (
    <div class="results-box">
      <p class="result-count" aria-live="polite">
        {results.length >= LIMIT
          ? counted(results.length, 'searchCountMoreOne', 'searchCountMoreOther')
          : counted(results.length, 'searchCountOne', 'searchCountOther')}
      </p>
      <ul class="results" ref={box} aria-label={t('searchResults')} onKeyDown={onKeyDown}>
        {results.map((r) => (
          <li key={r.id} class="result">
            <div
              class="result-head"
              tabIndex={0}
              data-nav
              onKeyDown={(e) => {
                if (e.key === 'Enter' && e.target === e.currentTarget) onRestore(r.session);
              }}
            >
              <div class="info">
                <button type="button" class="name link" title={r.session.name} onClick={() => onDetails(r.session)}>
                  <Highlighted text={r.session.name} words={words} />
                </button>
                <div class="meta">
                  <time
                    dateTime={new Date(r.session.createdAt).toISOString()}
                    title={absoluteTime(r.session.createdAt)}
                  >
                    {relativeTime(r.session.createdAt, now)}
                  </time>
                  {` · ${countsText(r.session.counts.windows, r.session.counts.tabs)}`}
                </div>
              </div>
              <button
                type="button"
                class="primary"
                aria-label={t('restoreSession', r.session.name)}
                onClick={() => onRestore(r.session)}
              >
                {t('restoreShort')}
              </button>
              <button
                type="button"
                class="danger"
                aria-label={t('deleteSession', r.session.name)}
                onClick={() => onDelete(r.session)}
              >
                {t('deleteShort')}
              </button>
            </div>
            {r.tabHits.length > 0 && (
              <div role="group" class="tab-hits" aria-label={r.session.name}>
                {r.tabHits.map((h) => (
                  <button
                    key={`${h.windowIndex}:${h.tabIndex}`}
                    type="button"
                    class="tab-hit"
                    data-nav
                    aria-label={t('openTab', h.title || h.url)}
                    onClick={() => onOpenTab(r.session, h.windowIndex, h.tabIndex)}
                  >
                    <Favicon pageUrl={h.url} />
                    <span class="tab-text">
                      <span class="tab-title">
                        <Highlighted text={h.title || h.url} words={words} />
                      </span>
                      <span class="tab-url" title={h.url}>
                        <Highlighted text={urlSnippet(h.url, words)} words={words} />
                      </span>
                    </span>
                  </button>
                ))}
                {r.tabHitCount > r.tabHits.length && (
                  <p class="more muted">
                    {counted(r.tabHitCount - r.tabHits.length, 'moreMatchingTabsOne', 'moreMatchingTabsOther')}
                  </p>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
