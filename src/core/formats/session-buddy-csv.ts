// Session Buddy CSV: a header row, then one tab a row with (quoted) session name, window name, tab
// title and tab URL. Columns are found by their header names, so a reordered or longer header
// still reads; consecutive rows with the same session (window) name form one session (window).
import { parseCsv } from './csv.ts';
import { ImportError, lineAt } from './import-error.ts';
import { makeImportedSession, makeTab, newWindow, type FileContext } from './import-context.ts';
import type { SessionWithBody, WindowRecord } from '../model.ts';
import { msg } from '../user-error.ts';

interface Columns {
  session: number;
  window: number;
  title: number;
  url: number;
}

function columns(header: readonly string[]): Columns | undefined {
  const find = (re: RegExp) => header.findIndex((h) => re.test(h.trim()));
  const url = find(/\b(url|link|address)\b/i);
  if (url < 0) return undefined;
  return { session: find(/session/i), window: find(/window/i), title: find(/title/i), url };
}

/** Is the first line a CSV header with a URL column? Cheap: only the first line is parsed. */
export function looksLikeSessionCsv(text: string): boolean {
  const first = text.slice(0, Math.min(text.length, 4096)).split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (!first.includes(',')) return false;
  const header = parseCsv(first)[0]?.fields ?? [];
  return (
    header.length >= 2 &&
    columns(header) !== undefined &&
    header.every((h) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(h.trim()))
  );
}

export function importSessionBuddyCsv(ctx: FileContext, text: string): SessionWithBody[] {
  const rows = parseCsv(text);
  const header = rows[0];
  const cols = header && columns(header.fields);
  if (!header || !cols) throw new ImportError(ctx.file, lineAt(1), msg('importCsvHeader'));
  const out: SessionWithBody[] = [];
  let current: { name: string; line: number; windows: WindowRecord[] } | undefined;
  let windowName: string | undefined;
  const flush = (): void => {
    if (!current) return;
    const made = makeImportedSession(ctx, {
      name: current.name,
      label: 'Session Buddy',
      createdAt: undefined,
      updatedAt: undefined,
      windows: current.windows,
      place: lineAt(current.line),
    });
    if (made) out.push(made);
  };
  for (const row of rows.slice(1)) {
    const get = (i: number) => (i >= 0 ? (row.fields[i] ?? '') : '');
    const sessionName = get(cols.session);
    const win = get(cols.window);
    if (!current || sessionName !== current.name) {
      flush();
      current = { name: sessionName, line: row.line, windows: [] };
      windowName = undefined;
    }
    if (windowName === undefined || win !== windowName || current.windows.length === 0) {
      current.windows.push(newWindow());
      windowName = win;
    }
    const tab = makeTab(ctx, { url: get(cols.url), title: get(cols.title) }, lineAt(row.line));
    if (tab) current.windows[current.windows.length - 1]?.tabs.push(tab);
  }
  flush();
  return out;
}
