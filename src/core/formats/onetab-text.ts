// OneTab's export: `URL | Title` a line, split on the FIRST " | " (titles may contain "|", URLs
// have no spaces), no title at all for some tabs, a blank line between groups (→ windows), and
// often a byte-order mark at the start.
import { makeImportedSession, makeTab, newWindow, type FileContext } from './import-context.ts';
import { lineAt } from './import-error.ts';
import { looksLikeUrl, oneLine, splitLines, stripBom } from './text-lines.ts';
import type { SessionWithBody, WindowRecord } from '../model.ts';
import { msg } from '../user-error.ts';

const SEP = ' | ';

export function splitOneTabLine(line: string): { url: string; title: string } {
  const at = line.indexOf(SEP);
  if (at < 0) return { url: line.replace(/ \|$/, '').trim(), title: '' };
  return { url: line.slice(0, at).trim(), title: line.slice(at + SEP.length) };
}

export function importOneTab(ctx: FileContext, text: string): SessionWithBody[] {
  const windows: WindowRecord[] = [];
  let current: WindowRecord | undefined;
  splitLines(stripBom(text)).forEach((line, i) => {
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    const parts = splitOneTabLine(line);
    if (!looksLikeUrl(parts.url)) {
      ctx.notes.add(msg('importTextAt', ctx.where(lineAt(i + 1))), msg('importNotOneTabLine'));
      return;
    }
    const tab = makeTab(ctx, parts, lineAt(i + 1));
    if (!tab) return;
    if (!current) windows.push((current = newWindow()));
    current.tabs.push(tab);
  });
  const made = makeImportedSession(ctx, {
    name: '',
    label: 'OneTab',
    createdAt: undefined,
    updatedAt: undefined,
    windows,
    place: '',
  });
  return made ? [made] : [];
}

/** OneTab lines, a blank line between windows (and between sessions): OneTab itself imports it. */
export function exportOneTab(items: readonly SessionWithBody[]): string {
  const blocks: string[] = [];
  for (const { body } of items) {
    for (const w of body.windows) {
      if (w.tabs.length === 0) continue;
      blocks.push(
        w.tabs.map((t) => (t.title ? `${oneLine(t.url)}${SEP}${oneLine(t.title)}` : oneLine(t.url))).join('\n'),
      );
    }
  }
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}
