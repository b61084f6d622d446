// The import as the settings page runs it: read the files, parse them here in the page (so the
// worker never holds a big file's text), drop what is already stored, and, when the person says
// so, send the sessions to the worker in message-sized chunks that it commits all at once.
import {
  decryptCookieJars,
  dropDuplicates,
  parseImport,
  type CookieJarMap,
  type EncryptedBlob,
  type ImportFile,
  type ImportPreview,
} from '../../../core/formats/index.ts';
import { call } from '../../../shared/client.ts';
import type { Res } from '../../../shared/protocol.ts';
import { chunkSessions } from '../../../shared/messages/import-export-messages.ts';
import { nextFrame } from './yield.ts';
import { benchMark, benchMeasure } from '../../bench-mark.ts';

export interface Progress {
  done: number;
  total: number;
}

export async function readFiles(files: readonly File[]): Promise<ImportFile[]> {
  const out: ImportFile[] = [];
  for (const f of files) out.push({ name: f.name, text: await f.text() });
  return out;
}

/** What the files hold, minus what is already stored. Throws ImportError for a file it cannot read. */
export async function previewImport(files: readonly ImportFile[]): Promise<ImportPreview> {
  const { sessions: existing } = await call('sessions.list', {});
  // Let the "reading" state paint before the parser takes the page's thread.
  await nextFrame();
  const preview = parseImport(files, { newId: () => crypto.randomUUID(), now: Date.now() });
  return dropDuplicates(preview, existing);
}

/** The file's cookies; throws DecryptError for a wrong passphrase or a damaged blob. */
export function unlockCookies(blob: EncryptedBlob, passphrase: string): Promise<CookieJarMap> {
  return decryptCookieJars(blob, passphrase);
}

/** Sends the preview's sessions and commits them in one transaction; nothing is stored on failure. */
export async function storeImport(
  preview: ImportPreview,
  cookieJars: CookieJarMap | undefined,
  onProgress: (p: Progress) => void,
): Promise<Res<'import.commit'>> {
  if (__TABULARIUM_E2E__) benchMark('tabularium:import-store:start');
  const total = preview.counts.tabs;
  let done = 0;
  const { importId } = await call('import.begin', { format: preview.format });
  try {
    for (const parts of chunkSessions(preview.sessions)) {
      await call('import.chunk', { importId, parts });
      for (const p of parts) for (const w of p.windows) done += w.tabs.length;
      onProgress({ done, total });
      // Each awaited message already yields; a frame between chunks keeps the progress visible.
      await nextFrame();
    }
    const result = await call('import.commit', { importId, ...(cookieJars ? { cookieJars } : {}) });
    if (__TABULARIUM_E2E__) benchMeasure('tabularium:import-store', 'tabularium:import-store:start');
    return result;
  } catch (e) {
    // The worker forgets a failed commit itself; an abort also frees it after a failed chunk.
    await call('import.abort', { importId }).catch(() => undefined);
    throw e;
  }
}
