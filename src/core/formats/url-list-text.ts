// Plain text with URLs: a bare list (one URL a line), or Session Buddy's text export, which may put
// each tab's title on the line before its URL. Blank lines separate windows. When every title/URL
// pair stands alone between blank lines, a single blank line only separates tabs and it takes two
// or more to start a new window.
import { makeImportedSession, makeTab, newWindow, type FileContext } from './import-context.ts';
import { lineAt } from './import-error.ts';
import { looksLikeUrl, oneLine, splitLines, stripBom } from './text-lines.ts';
import type { SessionWithBody, TabRecord, WindowRecord } from '../model.ts';
import { msg } from '../user-error.ts';

interface Block {
  /** Blank lines before this block. */
  gap: number;
  tabs: TabRecord[];
}

export function importUrlText(ctx: FileContext, text: string, label: string): SessionWithBody[] {
  const blocks: Block[] = [];
  let block: Block | undefined;
  let gap = 0;
  let pendingTitle: { text: string; line: number } | undefined;
  const dropPending = (): void => {
    if (pendingTitle) ctx.notes.add(msg('importTextAt', ctx.where(lineAt(pendingTitle.line))), msg('importLoneTitle'));
    pendingTitle = undefined;
  };
  splitLines(stripBom(text)).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      dropPending();
      gap++;
      block = undefined;
      return;
    }
    if (!looksLikeUrl(line)) {
      dropPending();
      pendingTitle = { text: line, line: i + 1 };
      return;
    }
    const tab = makeTab(ctx, { url: line, title: pendingTitle?.text ?? '' }, lineAt(i + 1));
    pendingTitle = undefined;
    if (!tab) return;
    if (!block) {
      blocks.push((block = { gap: blocks.length === 0 ? 0 : gap, tabs: [] }));
      gap = 0;
    }
    block.tabs.push(tab);
  });
  dropPending();
  const pairsStandAlone = blocks.length > 1 && blocks.every((b) => b.tabs.length === 1 && b.tabs[0]?.title !== '');
  const windows: WindowRecord[] = [];
  for (const b of blocks) {
    const last = windows[windows.length - 1];
    if (last && pairsStandAlone && b.gap < 2) last.tabs.push(...b.tabs);
    else windows.push(newWindow(b.tabs));
  }
  const made = makeImportedSession(ctx, {
    name: '',
    label,
    createdAt: undefined,
    updatedAt: undefined,
    windows,
    place: '',
  });
  return made ? [made] : [];
}

/** One URL a line, a blank line between windows. */
export function exportUrlText(items: readonly SessionWithBody[]): string {
  const blocks: string[] = [];
  for (const { body } of items) {
    for (const w of body.windows) {
      if (w.tabs.length) blocks.push(w.tabs.map((t) => oneLine(t.url)).join('\n'));
    }
  }
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}
