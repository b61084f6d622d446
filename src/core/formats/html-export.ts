// A standalone page a person can open in any browser to read (and click) what was saved. Only
// http(s)/ftp URLs become links; anything else (javascript:, data:, chrome://…) is shown as text.
// A Content-Security-Policy without scripts backs up the escaping.
import { escapeHtml } from './html-text.ts';
import type { SessionWithBody, TabRecord } from '../model.ts';
import { checkUrl } from '../url-policy.ts';

export const HTML_GENERATOR = 'Tabularium';

/** "1 tab", "3 tabs": English only, like the rest of these files' fixed wording. */
// Nothing in an exported page runs: no scripts, only inline style and the sites' own icons.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:";

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

export function isLinkable(url: string): boolean {
  return /^(https?|ftp):/i.test(url.trim()) && checkUrl(url).openable;
}

function tabItem(t: TabRecord): string {
  const cls = t.title ? 'tab' : 'tab untitled';
  const shown = escapeHtml(t.title || t.url);
  if (isLinkable(t.url)) {
    return `<li class="${cls}"><a href="${escapeHtml(t.url)}" rel="noopener noreferrer">${shown}</a></li>`;
  }
  const title = t.title ? `<span class="title">${escapeHtml(t.title)}</span> ` : '';
  return `<li class="${cls}">${title}<code class="url">${escapeHtml(t.url)}</code></li>`;
}

/** ISO date, or '' for a value Date cannot hold (toISOString would throw). */
export const iso = (ms: number): string => {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
};

export function exportHtml(items: readonly SessionWithBody[], opts: { now: number }): string {
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<meta name="generator" content="${HTML_GENERATOR}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Tabularium sessions ${escapeHtml(iso(opts.now).slice(0, 10))}</title>`,
    '<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}' +
      'section.window{margin-left:1rem}code{word-break:break-all}.meta{color:#555}</style>',
    '</head>',
    '<body>',
    '<h1>Tabularium sessions</h1>',
    `<p class="meta">Exported <time datetime="${iso(opts.now)}">${iso(opts.now)}</time></p>`,
  ];
  for (const { session, body } of items) {
    out.push('<section class="session">');
    out.push(`<h2 class="session-name">${escapeHtml(session.name)}</h2>`);
    const tags = session.tags.length ? ` · tags: ${escapeHtml(session.tags.join(', '))}` : '';
    out.push(
      `<p class="meta">Saved <time datetime="${iso(session.createdAt)}">${iso(session.createdAt)}</time>` +
        ` · ${plural(session.counts.windows, 'window')} · ${plural(session.counts.tabs, 'tab')}${tags}</p>`,
    );
    body.windows.forEach((w, i) => {
      out.push('<section class="window">');
      out.push(`<h3>Window ${i + 1} · ${plural(w.tabs.length, 'tab')}</h3>`);
      out.push('<ul>');
      for (const t of w.tabs) out.push(tabItem(t));
      out.push('</ul>');
      out.push('</section>');
    });
    out.push('</section>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
