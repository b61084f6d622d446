// Markdown export and its re-import. Titles are text, not markup: every character that Markdown
// (or the HTML it may contain) would interpret is backslash-escaped, so `<img onerror=…>` or
// `[x](javascript:…)` in a title renders as the characters themselves. Only http(s)/ftp URLs become
// links; other URLs are shown as code and are never clickable.
import { isLinkable, iso, plural } from './html-export.ts';
import { makeImportedSession, makeTab, newWindow, type FileContext } from './import-context.ts';
import { lineAt, type Place } from './import-error.ts';
import { oneLine, splitLines, stripBom } from './text-lines.ts';
import type { SessionWithBody, TabRecord, WindowRecord } from '../model.ts';
import { msg } from '../user-error.ts';

export function escapeMarkdown(s: string): string {
  return oneLine(s).replace(/[\\`*_[\]()<>#!&~]/g, '\\$&');
}

export function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

// A URL that a Markdown link or autolink can hold as-is.
const PLAIN_URL = /^[^\s<>\\`\u0000-\u001f\u007f]+$/;

function codeSpan(s: string): string {
  let longest = 0;
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(s) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

function tabLine(t: TabRecord): string {
  const url = oneLine(t.url);
  if (isLinkable(url) && PLAIN_URL.test(url)) {
    if (!t.title) return `- <${url}>`;
    return `- [${escapeMarkdown(t.title)}](${url.replace(/[()]/g, '\\$&')})`;
  }
  return `- ${codeSpan(url)}${t.title ? ` ${escapeMarkdown(t.title)}` : ''}`;
}

export function exportMarkdown(items: readonly SessionWithBody[]): string {
  const out: string[] = [];
  for (const { session, body } of items) {
    out.push(`# ${escapeMarkdown(session.name)}`, '');
    const tags = session.tags.length ? ` · tags: ${session.tags.map(escapeMarkdown).join(', ')}` : '';
    out.push(
      `Saved ${iso(session.createdAt)} · ${plural(session.counts.windows, 'window')} · ` +
        `${plural(session.counts.tabs, 'tab')}${tags}`,
      '',
    );
    body.windows.forEach((w, i) => {
      out.push(`## Window ${i + 1}`, '');
      for (const t of w.tabs) out.push(tabLine(t));
      out.push('');
    });
  }
  return out.join('\n');
}

/** A list of Markdown links, or a heading with list items of links, autolinks or code (our export). */
export function looksLikeMarkdown(lines: readonly string[]): boolean {
  if (lines.some((l) => /^- \[.*\]\(.*\)$/.test(l))) return true;
  return lines.some((l) => /^#{1,2}( |$)/.test(l)) && lines.some((l) => /^- (<|`)/.test(l));
}

function parseTab(item: string): { url: string; title: string } | undefined {
  if (item.startsWith('<') && item.endsWith('>')) return { url: item.slice(1, -1), title: '' };
  if (item.startsWith('[')) {
    // The first "]" not escaped by a backslash ends the title.
    const end = /^\[((?:\\.|[^\\\]])*)\]\((.*)\)$/.exec(item);
    if (!end) return undefined;
    return { url: unescapeMarkdown(end[2] ?? ''), title: unescapeMarkdown(end[1] ?? '') };
  }
  const fence = /^`+/.exec(item)?.[0];
  if (!fence) return undefined;
  let at = fence.length;
  for (;;) {
    const next = item.indexOf(fence, at);
    if (next < 0) return undefined;
    // The closing run must be exactly as long as the opening one.
    if (item[next + fence.length] === '`') {
      at = next + fence.length + 1;
      while (item[at] === '`') at++;
      continue;
    }
    let code = item.slice(fence.length, next);
    if (code.length >= 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
    const rest = item.slice(next + fence.length);
    return { url: code, title: rest.startsWith(' ') ? unescapeMarkdown(rest.slice(1)) : '' };
  }
}

export function importMarkdown(ctx: FileContext, text: string): SessionWithBody[] {
  const out: SessionWithBody[] = [];
  let cur: { name: string; windows: WindowRecord[]; place: Place } | undefined;
  const flush = (): void => {
    if (!cur) return;
    const made = makeImportedSession(ctx, {
      name: cur.name,
      label: 'Markdown',
      createdAt: undefined,
      updatedAt: undefined,
      windows: cur.windows,
      place: cur.place,
    });
    if (made) out.push(made);
  };
  splitLines(stripBom(text)).forEach((line, i) => {
    const place = lineAt(i + 1);
    const h1 = /^#(?: (.*))?$/.exec(line);
    if (h1) {
      flush();
      cur = { name: unescapeMarkdown(h1[1] ?? ''), windows: [], place };
      return;
    }
    if (/^##(?: |$)/.test(line)) {
      cur ??= { name: '', windows: [], place };
      cur.windows.push(newWindow());
      return;
    }
    if (!line.startsWith('- ')) return;
    const parsed = parseTab(line.slice(2));
    if (!parsed) {
      ctx.notes.add(msg('importListItemAt', ctx.where(place)), msg('importNotMarkdownLink'));
      return;
    }
    const tab = makeTab(ctx, parsed, place);
    if (!tab) return;
    cur ??= { name: '', windows: [], place };
    if (cur.windows.length === 0) cur.windows.push(newWindow());
    cur.windows[cur.windows.length - 1]?.tabs.push(tab);
  });
  flush();
  return out;
}
