// The manager's History view (time travel): a day, its activity, a slider "Time" over it (minute
// steps, the end is now), the windows, groups and tabs open at that moment and how that differs
// from now; restore the moment (all, a window, a tab) or keep it as a session; search the journal.
// The day is fetched once and replayed here (core/journal/reconstruct.ts): a slider step costs a
// short replay, no round trip to the worker.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { stateOfCheckpoint } from '../../../core/journal/journal-format.ts';
import { JournalTimeline } from '../../../core/journal/reconstruct.ts';
import { liteExtensionBase } from '../../../platform/lite.ts';
import { call } from '../../../shared/client.ts';
import { benchMark } from '../../bench-mark.ts';
import { errorText } from '../../error-text.ts';
import { countsText, t } from '../../i18n.ts';
import { countedText } from '../counted-text.ts';
import { HistorySearch } from './history-search.tsx';
import { ActivityChart } from './activity-chart.tsx';
import { MomentWindows } from './moment-windows.tsx';
import { DayMoments, dayStart, dayValue, parseDay } from './moment-model.ts';
import './history.css';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Loaded {
  day: number;
  to: number;
  timeline: JournalTimeline;
  moments: DayMoments;
  activity: { t: number; tabs: number }[];
  oldest?: number;
}

const momentText = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

export function HistoryView() {
  const [day, setDay] = useState(() => dayStart(Date.now()));
  /** The exact moment shown; undefined is the end of the slider (now, or the day's end). */
  const [moment, setMoment] = useState<number | undefined>();
  const [loaded, setLoaded] = useState<Loaded>();
  const [status, setStatus] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    const to = Math.min(day + DAY - 1, Date.now());
    call('journal.day', { from: day, to }).then(
      (r) => {
        if (!live) return;
        const strings = new Map(r.strings);
        const timeline = new JournalTimeline(stateOfCheckpoint(r.start), r.entries, strings);
        const openNow = new Set(r.openNow);
        setLoaded({
          day,
          to,
          timeline,
          moments: new DayMoments(timeline, strings, openNow, liteExtensionBase()),
          activity: timeline.activity(day),
          ...(r.oldest !== undefined ? { oldest: r.oldest } : {}),
        });
      },
      (e: unknown) => live && setStatus(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [day, reload]);

  const ready = loaded?.day === day ? loaded : undefined;
  const to = ready?.to ?? day;
  const maxMinute = Math.max(0, Math.floor((to - day) / MINUTE));
  const at = moment ?? to;
  const minute = Math.min(maxMinute, Math.max(0, Math.floor((at - day) / MINUTE)));
  // The state at `at` is the entries up to it: a step over a minute with no change keeps the model,
  // and so every row as it is.
  const upTo = ready ? ready.timeline.countAt(at) : 0;
  const model = useMemo(() => ready?.moments.at(at), [ready, upTo]);
  // After the DOM holds the moment (before paint): the bench's slider-step figure ends here.
  useLayoutEffect(() => {
    if (__TABULARIUM_E2E__ && model) benchMark('tabularium:history-drawn', { at });
  }, [model, at]);

  const onSlide = (value: number) => {
    if (__TABULARIUM_E2E__) benchMark('tabularium:history-slide');
    // A minute shows what was open at its end; the last step is the end itself (now).
    setMoment(value >= maxMinute ? undefined : day + value * MINUTE + MINUTE - 1);
  };

  // Stable, so the search results do not render again at each slider step.
  const pick = useCallback((when: number) => {
    setDay(dayStart(when));
    setMoment(when);
  }, []);

  const restore = async (part: { windowIndex?: number; tabIndex?: number }) => {
    setStatus(t('historyRestoring'));
    try {
      const r = await call('journal.restore', { at, ...part });
      setStatus(t('historyRestored', countsText(r.windows, r.tabs)));
    } catch (e) {
      setStatus(errorText(e));
    }
  };

  // The rows keep one function (they skip rendering when their tab is the same); it restores at the
  // moment shown when clicked.
  const restoreNow = useRef(restore);
  restoreNow.current = restore;
  const onRestoreWindow = useCallback((windowIndex: number) => void restoreNow.current({ windowIndex }), []);
  const onRestoreTab = useCallback(
    (windowIndex: number, tabIndex: number) => void restoreNow.current({ windowIndex, tabIndex }),
    [],
  );

  const save = async () => {
    try {
      const { session } = await call('journal.save', { at });
      setStatus(t('historySaved', session.name));
    } catch (e) {
      setStatus(errorText(e));
    }
  };

  return (
    <div class="history">
      <div class="history-main">
        <div class="history-day">
          <label>
            {t('historyDay')}{' '}
            <input
              type="date"
              value={dayValue(day)}
              max={dayValue(Date.now())}
              onChange={(e) => {
                const d = parseDay(e.currentTarget.value);
                if (d !== undefined) {
                  setDay(d);
                  setMoment(undefined);
                }
              }}
            />
          </label>
          <button type="button" onClick={() => setReload((n) => n + 1)}>
            {t('historyRefresh')}
          </button>
        </div>
        {ready && <ActivityChart points={ready.activity} from={day} to={to} moment={at} />}
        <input
          class="history-slider"
          type="range"
          aria-label={t('historyTime')}
          min={0}
          max={maxMinute}
          step={1}
          // Until the day is read its span is unknown: a slider at 0 of 0 would claim midnight.
          disabled={!ready}
          value={minute}
          aria-valuetext={momentText.format(at)}
          onInput={(e) => onSlide(Number(e.currentTarget.value))}
        />
        <p class="history-moment" aria-live="polite">
          {momentText.format(at)}
        </p>
        {model && (
          <>
            <p class="muted">
              {countsText(model.windows.length, model.tabs)}
              {' · '}
              {countedText(model.closedNow, 'historyClosedNowOne', 'historyClosedNowOther')}
              {' · '}
              {countedText(model.openedSince, 'historyOpenedSinceOne', 'historyOpenedSinceOther')}
            </p>
            <div class="history-actions">
              <button type="button" disabled={model.tabs === 0} onClick={() => void restore({})}>
                {t('historyRestoreMoment')}
              </button>
              <button type="button" disabled={model.tabs === 0} onClick={() => void save()}>
                {t('historySaveMoment')}
              </button>
            </div>
            <p role="status">{status}</p>
            {model.tabs === 0 ? (
              <p class="muted">{t('historyNothingOpen')}</p>
            ) : (
              <MomentWindows model={model} onRestoreWindow={onRestoreWindow} onRestoreTab={onRestoreTab} />
            )}
          </>
        )}
      </div>
      <HistorySearch onPick={pick} />
    </div>
  );
}
