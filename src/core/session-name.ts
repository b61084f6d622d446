// A default name a person can recognise in a list: the date, then the sites that fill the session.
import { absoluteTime } from './format-time.ts';
import type { WindowRecord } from './model.ts';

export function mainSites(windows: readonly WindowRecord[], max = 3): string[] {
  const counts = new Map<string, number>();
  for (const w of windows) {
    for (const t of w.tabs) {
      let host: string;
      try {
        const u = new URL(t.url);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
        host = u.hostname.replace(/^www\./, '');
      } catch {
        continue;
      }
      counts.set(host, (counts.get(host) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([h]) => h);
}

export function defaultSessionName(windows: readonly WindowRecord[], at: Date, locale?: string): string {
  const date = absoluteTime(at.getTime(), locale);
  const sites = mainSites(windows);
  return sites.length ? `${date} · ${sites.join(', ')}` : date;
}
