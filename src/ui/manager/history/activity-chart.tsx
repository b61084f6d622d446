// The chosen day's activity: tabs open over time, drawn from the journal's counts, with the moment.
import { useMemo } from 'preact/hooks';
import { t } from '../../i18n.ts';

const W = 1440;
const H = 60;

export function ActivityChart({
  points,
  from,
  to,
  moment,
}: {
  points: readonly { t: number; tabs: number }[];
  from: number;
  to: number;
  moment: number;
}) {
  const span = Math.max(1, to - from);
  const x = (at: number) => ((Math.min(Math.max(at, from), to) - from) / span) * W;
  // The line is the day's (thousands of points); a slider step only moves the moment's mark.
  const d = useMemo(() => {
    let max = 1;
    for (const p of points) if (p.tabs > max) max = p.tabs;
    const y = (n: number) => H - (n / max) * (H - 4);
    // A step line: the count holds until the next entry changes it.
    let d = '';
    for (const p of points) {
      const px = x(p.t).toFixed(1);
      const py = y(p.tabs).toFixed(1);
      d += d ? ` H${px} V${py}` : `M${px},${py}`;
    }
    if (d) d += ` H${x(to).toFixed(1)}`;
    return d;
  }, [points, from, to]);
  const at = x(moment);
  return (
    <svg
      class="activity"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={t('historyActivity')}
    >
      <path d={d} fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke" />
      <line x1={at} x2={at} y1={0} y2={H} class="activity-now" vector-effect="non-scaling-stroke" />
    </svg>
  );
}
