// Reads HTML back: Tabularium's own export exactly (sessions, windows, titles, URLs), and any other
// page (a bookmarks file, OneTab's shared page) as one window of its links. Nothing is rendered or
// run: the text is scanned for the few tags that matter.
import { HTML_GENERATOR } from './html-export.ts';
import { unescapeHtml } from './html-text.ts';
import type { Place } from './import-error.ts';
import { makeImportedSession, makeTab, newWindow, toTimestamp, type FileContext } from './import-context.ts';
import { lineCounter, looksLikeUrl } from './text-lines.ts';
import type { SessionWithBody, WindowRecord } from '../model.ts';

export function looksLikeHtml(trimmed: string): boolean {
  return /^<(!doctype\s+html|html[\s>]|!doctype netscape-bookmark|!--|head[\s>]|body[\s>]|meta[\s>])/i.test(trimmed);
}

// Our own markup: data never contains a raw "<" (it is escaped), so [^<]* cannot run past a field.
const OWN =
  /<h2 class="session-name">([^<]*)<\/h2>|<time datetime="([^"<]*)">|<section class="window">|<li class="tab( untitled)?">(?:<a href="([^"<]*)"[^>]*>([^<]*)<\/a>|(?:<span class="title">([^<]*)<\/span> )?<code class="url">([^<]*)<\/code>)<\/li>/g;

function importOwnHtml(ctx: FileContext, text: string): SessionWithBody[] {
  const lineAt = lineCounter(text);
  const out: SessionWithBody[] = [];
  let cur: { name: string; createdAt: number | undefined; windows: WindowRecord[]; place: Place } | undefined;
  const flush = (): void => {
    if (!cur) return;
    const made = makeImportedSession(ctx, {
      name: cur.name,
      label: 'Tabularium HTML',
      createdAt: cur.createdAt,
      updatedAt: undefined,
      windows: cur.windows,
      place: cur.place,
    });
    if (made) out.push(made);
  };
  for (const m of text.matchAll(OWN)) {
    const [all, name, time, untitled, href, linkText, spanTitle, codeUrl] = m;
    if (name !== undefined) {
      flush();
      cur = { name: unescapeHtml(name), createdAt: undefined, windows: [], place: lineAt(m.index) };
      continue;
    }
    if (time !== undefined) {
      if (cur && cur.createdAt === undefined && cur.windows.length === 0) cur.createdAt = toTimestamp(time);
      continue;
    }
    if (all.startsWith('<section')) {
      cur ??= { name: '', createdAt: undefined, windows: [], place: lineAt(m.index) };
      cur.windows.push(newWindow());
      continue;
    }
    const url = unescapeHtml(href ?? codeUrl ?? '');
    const title = untitled ? '' : unescapeHtml(href !== undefined ? (linkText ?? '') : (spanTitle ?? ''));
    const tab = makeTab(ctx, { url, title }, lineAt(m.index));
    if (!tab) continue;
    cur ??= { name: '', createdAt: undefined, windows: [], place: lineAt(m.index) };
    if (cur.windows.length === 0) cur.windows.push(newWindow());
    cur.windows[cur.windows.length - 1]?.tabs.push(tab);
  }
  flush();
  return out;
}

// Linear scan with indexOf: a regex with a lazy "anything up to </a>" goes quadratic on a file full
// of unclosed <a> tags.
function importLinks(ctx: FileContext, text: string): SessionWithBody[] {
  const lineAt = lineCounter(text);
  const lower = text.toLowerCase();
  const w = newWindow();
  let at = 0;
  for (;;) {
    const start = lower.indexOf('<a', at);
    if (start < 0) break;
    const tagEnd = lower.indexOf('>', start);
    if (tagEnd < 0) break;
    at = tagEnd + 1;
    const tag = text.slice(start, tagEnd + 1);
    if (!/^<a\s/i.test(tag)) continue;
    const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag);
    const url = unescapeHtml(href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim();
    if (!looksLikeUrl(url)) continue;
    const close = lower.indexOf('</a>', at);
    const inner = close < 0 ? '' : text.slice(at, close);
    if (close >= 0) at = close + 4;
    const title = unescapeHtml(inner.replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    const tab = makeTab(ctx, { url, title }, lineAt(start));
    if (tab) w.tabs.push(tab);
  }
  const made = makeImportedSession(ctx, {
    name: '',
    label: 'Links',
    createdAt: undefined,
    updatedAt: undefined,
    windows: [w],
    place: '',
  });
  return made ? [made] : [];
}

export function isOwnHtml(text: string): boolean {
  return text.slice(0, 2000).includes(`<meta name="generator" content="${HTML_GENERATOR}">`);
}

export function importHtml(ctx: FileContext, text: string): SessionWithBody[] {
  return isOwnHtml(text) ? importOwnHtml(ctx, text) : importLinks(ctx, text);
}
