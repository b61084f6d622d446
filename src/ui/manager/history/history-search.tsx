// "When was this open?": a search over the journal's titles and addresses; each result lists the
// spans its tab was open, and choosing one moves the timeline there.
import { useEffect, useState } from 'preact/hooks';
import type { HistoryHit } from '../../../core/journal/history-index.ts';
import { call } from '../../../shared/client.ts';
import { Favicon } from '../../components/favicon.tsx';
import { errorText } from '../../error-text.ts';
import { t } from '../../i18n.ts';
import { memo } from './memo.ts';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function spanText(s: { from: number; to?: number }): string {
  const from = time.format(s.from);
  if (s.to === undefined) return t('historySpanOpen', from);
  return t('historySpan', from, clock.format(s.to));
}

/** The moment a span shows: when its page had just appeared in its tab. */
export function spanMoment(s: { from: number; to?: number }): number {
  return s.from;
}

// Memo: the History view renders again at each slider step; the results stay as they are.
export const HistorySearch = memo(function HistorySearch({ onPick }: { onPick: (at: number) => void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<HistoryHit[] | undefined>();
  const [error, setError] = useState('');
  useEffect(() => {
    if (!query.trim()) {
      setHits(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('journal.search', { query }).then(
        (r) => live && (setHits(r.hits), setError('')),
        (e: unknown) => live && setError(errorText(e)),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  return (
    <section class="history-search" aria-label={t('historySearchTitle')}>
      <input
        type="search"
        aria-label={t('historySearch')}
        placeholder={t('historySearch')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {error && <p role="alert">{error}</p>}
      {hits && hits.length === 0 && <p class="muted">{t('historyNoHits')}</p>}
      {hits && hits.length > 0 && (
        <ul class="history-hits" aria-label={t('historyHits')}>
          {hits.map((h) => (
            <li key={h.url}>
              <div class="hit-title">
                <Favicon pageUrl={h.url} />
                <span>{h.title}</span>
              </div>
              <div class="hit-url muted">{h.url}</div>
              <div class="hit-spans">
                {h.spans.map((s) => (
                  <button key={s.from} type="button" class="link" onClick={() => onPick(spanMoment(s))}>
                    {spanText(s)}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
