// A default name a person can recognise in a list: the sites that fill the session and its size
// ("GitHub, Docs, Mail · 12 tabs"). The date is not in it: the list shows it on the line below.
import type { SessionKind, WindowRecord } from './model.ts';

/** The hosts with the most tabs, most first (www. dropped; non-web tabs left out). */
export function mainSites(windows: readonly WindowRecord[], max = 3): string[] {
  return topHosts(windows, max).map(([h]) => h);
}

/** A page of each of the main sites (most tabs first), for their favicons in a list row. */
export function siteIconPages(windows: readonly WindowRecord[], max = 5): string[] {
  return topHosts(windows, max).map(([, , url]) => url);
}

/** First labels that say what kind of site it is, not which: the next label names it. */
const GENERIC_LABELS = new Set(['m', 'mobile', 'app', 'web', 'my', 'developer', 'developers', 'dev', 'api']);

/** How a person calls a site: "Docs" for docs.google.com, "GitHub" when a tab title spells it so. */
export function siteLabel(host: string, titles: readonly string[] = []): string {
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host;
  const labels = host.split('.');
  // en.wikipedia.org is "Wikipedia" and developer.chrome.com "Chrome": a language or a generic
  // first label names nothing; docs.google.com stays "Docs", the product people mean.
  const generic = labels.length > 2 && (labels[0]!.length <= 2 || GENERIC_LABELS.has(labels[0]!));
  const word = labels[generic ? 1 : 0]!;
  // A title's spelling only when it capitalises the name ("GitHub"); "chrome.tabs" spells nothing.
  const spelled = titles
    .flatMap((t) => t.split(/[^\p{L}\p{N}]+/u))
    .find((w) => w.toLowerCase() === word.toLowerCase() && /\p{Lu}/u.test(w));
  return spelled ?? word.charAt(0).toUpperCase() + word.slice(1);
}

/** `kind`: a window-closed snapshot says so first. English on purpose: names are stored data. */
export function defaultSessionName(windows: readonly WindowRecord[], kind?: SessionKind): string {
  const tabs = windows.reduce((n, w) => n + w.tabs.length, 0);
  const sites = [...new Set(topHosts(windows, 3).map(([host, titles]) => siteLabel(host, titles)))];
  const what = sites.length ? sites.join(', ') : firstTitle(windows);
  const size = tabs === 1 ? '1 tab' : `${tabs} tabs`;
  return [kind === 'window-closed' ? 'Closed window' : '', what, size].filter(Boolean).join(' · ');
}

function firstTitle(windows: readonly WindowRecord[]): string {
  const title =
    windows
      .flatMap((w) => w.tabs)
      .find((t) => t.title.trim())
      ?.title.trim() ?? '';
  return title.length > 40 ? `${title.slice(0, 39)}…` : title;
}

/** [host, its tabs' titles, its first tab's address], the hosts with the most tabs first. */
function topHosts(windows: readonly WindowRecord[], max: number): [string, string[], string][] {
  const byHost = new Map<string, string[]>();
  const firstUrl = new Map<string, string>();
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
      const titles = byHost.get(host) ?? [];
      titles.push(t.title);
      byHost.set(host, titles);
      if (!firstUrl.has(host)) firstUrl.set(host, t.url);
    }
  }
  return [...byHost.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([host, titles]): [string, string[], string] => [host, titles, firstUrl.get(host)!]);
}
