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
  const path = useMemo(() => {
    const span = Math.max(1, to - from);
    const max = Math.max(1, ...points.map((p) => p.tabs));
    const x = (at: number) => ((Math.min(Math.max(at, from), to) - from) / span) * W;
    const y = (n: number) => H - (n / max) * (H - 4);
    // A step line: the count holds until the next entry changes it.
    let d = '';
    for (const p of points) {
      const px = x(p.t).toFixed(1);
      const py = y(p.tabs).toFixed(1);
      d += d ? ` H${px} V${py}` : `M${px},${py}`;
    }
    if (d) d += ` H${x(to).toFixed(1)}`;
    return { d, at: x(moment) };
  }, [points, from, to, moment]);
  return (
    <svg
      class="activity"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={t('historyActivity')}
    >
      <path d={path.d} fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke" />
      <line x1={path.at} x2={path.at} y1={0} y2={H} class="activity-now" vector-effect="non-scaling-stroke" />
    </svg>
  );
}
