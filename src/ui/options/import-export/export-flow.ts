// The export as the settings page runs it: fetch the chosen sessions from the worker a chunk at a
// time (the message-size limit), optionally their cookie jars encrypted by the worker, build the
// file here in the page, and hand it to the person as a download (no `downloads` permission).
import {
  countTabsWithUrlTokens,
  EXPORT_FILE_TYPES,
  exportSessions,
  stripUrlTokensFromSessions,
  type ExportFormat,
} from '../../../core/formats/index.ts';
import type { SessionWithBody } from '../../../core/model.ts';
import { call } from '../../../shared/client.ts';
import { PartJoiner, type ExportCursor } from '../../../shared/messages/import-export-messages.ts';
import type { Progress } from './import-flow.ts';
import { nextFrame } from './yield.ts';
import { benchMark, benchMeasure } from '../../bench-mark.ts';

export async function readSessions(
  ids: readonly string[],
  onProgress: (p: Progress) => void,
): Promise<{ items: SessionWithBody[]; missing: number }> {
  const joiner = new PartJoiner();
  let cursor: ExportCursor | undefined;
  let missing = 0;
  const list = [...ids];
  for (;;) {
    const r = await call('export.read', { ids: list, ...(cursor ? { cursor } : {}) });
    joiner.add(r.parts);
    missing += r.missing;
    if (!r.next) break;
    cursor = r.next;
    onProgress({ done: cursor.index, total: list.length });
    await nextFrame();
  }
  onProgress({ done: list.length, total: list.length });
  return { items: joiner.result(), missing };
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  sessions: number;
  /** Sessions whose cookies went into the file (encrypted). */
  withCookies: number;
  /** Tabs whose address carried a session token: removed from the file, or kept when asked. */
  tokenTabs: number;
  tokensKept: boolean;
}

export interface ExportChoices {
  /** Empty: no cookies. Only the Tabularium format carries them. */
  passphrase: string;
  /** Keep session tokens in addresses (off unless the person asks). */
  keepUrlTokens: boolean;
}

export function exportFileName(format: ExportFormat, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  const kind = format === 'onetab' ? '-onetab' : '';
  return `tabularium${kind}-${day}.${EXPORT_FILE_TYPES[format].extension}`;
}

export async function buildExport(
  ids: readonly string[],
  format: ExportFormat,
  { passphrase, keepUrlTokens }: ExportChoices,
  onProgress: (p: Progress) => void,
): Promise<ExportResult> {
  if (__TABULARIUM_E2E__) benchMark('tabularium:export:start');
  const read = await readSessions(ids, onProgress);
  const stripped = keepUrlTokens
    ? { items: read.items, tabs: countTabsWithUrlTokens(read.items) }
    : stripUrlTokensFromSessions(read.items);
  const items = stripped.items;
  let cookieJars;
  let withCookies = 0;
  // Cookies only ever go into the lossless format, and only encrypted.
  if (format === 'tabularium' && passphrase !== '') {
    const r = await call('export.cookies', { ids: [...ids], passphrase });
    cookieJars = r.cookieJars;
    withCookies = r.sessions;
  }
  await nextFrame();
  const now = Date.now();
  const text = exportSessions(items, format, { now, ...(cookieJars ? { cookieJars } : {}) });
  const blob = new Blob([text], { type: EXPORT_FILE_TYPES[format].mime });
  if (__TABULARIUM_E2E__) benchMeasure('tabularium:export', 'tabularium:export:start');
  return {
    blob,
    fileName: exportFileName(format, new Date(now)),
    sessions: items.length,
    withCookies,
    tokenTabs: stripped.tabs,
    tokensKept: keepUrlTokens,
  };
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; a minute leaves slow disks room.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
