// "3 minutes ago" style times for lists, through Intl so they follow the browser's language.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

// Building an Intl formatter costs far more than using one: keep one per locale.
const relative = new Map<string, Intl.RelativeTimeFormat>();
const absolute = new Map<string, Intl.DateTimeFormat>();

export function relativeTime(then: number, now: number, locale?: string): string {
  const diff = then - now;
  let rtf = relative.get(locale ?? '');
  if (!rtf) relative.set(locale ?? '', (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(0, 'second');
}

export function absoluteTime(at: number, locale?: string): string {
  let f = absolute.get(locale ?? '');
  if (!f)
    absolute.set(locale ?? '', (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return f.format(at);
}
