// The one entry point for imports: detects each file's format from its content, parses it, and
// returns a preview the UI shows before anything is stored. Whatever the input, the only thing
// that can come out of here besides a preview is an ImportError.
import { detectTextFormat, looksLikeJson, type ImportFormat } from './detect-format.ts';
import { importHtml } from './html-import.ts';
import { ImportError } from './import-error.ts';
import { FileContext, Notes, type ImportOptions, type SkipNote } from './import-context.ts';
import { parseJsonText } from './json-text.ts';
import { MAX_FILE_CHARS, MAX_FILES } from './limits.ts';
import { importMarkdown } from './markdown-text.ts';
import { importOneTab } from './onetab-text.ts';
import type { EncryptedBlob } from './passphrase-crypto.ts';
import { importSessionBuddyCsv } from './session-buddy-csv.ts';
import { importSessionBuddyJson, isSessionBuddyJson } from './session-buddy-json.ts';
import { importTabulariumJson, isTabulariumJson } from './tabularium-json.ts';
import { stripBom } from './text-lines.ts';
import { importTsmSession, mergeTsmFiles, readTsmSessions, type TsmEntry } from './tsm-json.ts';
import { importUrlText } from './url-list-text.ts';
import type { SessionWithBody } from '../model.ts';
import { checkUrl } from '../url-policy.ts';
import { counted, msg, type Substitution, UserError, type UserMessage } from '../user-error.ts';

export type { ImportFormat } from './detect-format.ts';
export type { ImportOptions, SkipNote } from './import-context.ts';

export interface ImportFile {
  name: string;
  text: string;
}

export interface ImportCounts {
  sessions: number;
  windows: number;
  tabs: number;
  /** Tabs whose URL must not be opened (javascript:, privileged pages…): kept, restored as placeholders. */
  notOpenable: number;
}

/** A session of the import that replaces a stored one (same id, edited later). */
export interface ReplaceNote {
  /** The session's id, in the import and in the store. */
  id: string;
  /** The stored version's name, which may differ from the imported one. */
  storedName: string;
  /** What differs (name, windows, tabs, tags), or that it was only edited later. */
  changes: UserMessage[];
}

export interface ImportPreview {
  /** The files' format; 'mixed' when files of different formats were imported together. */
  format: ImportFormat | 'mixed';
  /**
   * Ready to store. Foreign formats give kind 'imported', fresh ids, `sourceId` = the source's own
   * id where it has one; Tabularium's format gives back the sessions exactly as exported.
   */
  sessions: SessionWithBody[];
  /** Tabs, sessions and values that were left out or shortened, and why. */
  skipped: SkipNote[];
  /** Sessions that replace a stored one (filled by dropDuplicates); the stored versions go to the trash. */
  replaces: ReplaceNote[];
  counts: ImportCounts;
  /** Cookies in a Tabularium file, still encrypted: ask for the passphrase, then decryptCookieJars. */
  encryptedCookies: EncryptedBlob | undefined;
}

export function countPreview(sessions: readonly SessionWithBody[]): ImportCounts {
  const counts: ImportCounts = { sessions: sessions.length, windows: 0, tabs: 0, notOpenable: 0 };
  for (const { body } of sessions) {
    counts.windows += body.windows.length;
    for (const w of body.windows) {
      counts.tabs += w.tabs.length;
      for (const t of w.tabs) if (!checkUrl(t.url).openable) counts.notOpenable++;
    }
  }
  return counts;
}

const TEXT_LABEL = { 'session-buddy-text': 'Session Buddy', 'url-list': 'URL list' } as const;

// What went wrong, when it was not one of our ImportErrors: the error's own words are the best
// there is (an engine's message is not ours to translate).
function describe(e: unknown): Substitution {
  if (e instanceof RangeError) return msg('importTooDeep');
  if (e instanceof UserError) return e.userMessage;
  return e instanceof Error && e.message ? e.message : msg('importUnexpectedContent');
}

export function parseImport(files: readonly ImportFile[], opts: ImportOptions): ImportPreview {
  let current: Substitution = msg('importNoFileName');
  try {
    if (!Array.isArray(files) || files.length === 0) throw new ImportError(current, '', msg('importNoFiles'));
    if (files.length > MAX_FILES)
      throw new ImportError(
        current,
        '',
        msg('importTooManyFiles', counted(MAX_FILES, 'countFilesOne', 'countFilesOther')),
      );
    const notes = new Notes();
    const formats = new Set<ImportFormat>();
    // One slot per file keeps the sessions in file order; TSM files are merged first (split
    // exports, the same session in two backups) and fill the slot of the first of them.
    const slots: SessionWithBody[][] = [];
    const tsm: { ctx: FileContext; sessions: ReturnType<typeof readTsmSessions> }[] = [];
    let tsmSlot = -1;
    let encryptedCookies: EncryptedBlob | undefined;

    for (const f of files) {
      current = typeof f?.name === 'string' && f.name !== '' ? f.name : msg('importUnnamedFile');
      const text: unknown = f?.text;
      if (typeof text !== 'string') throw new ImportError(current, '', msg('importNoText'));
      if (text.length > MAX_FILE_CHARS) {
        throw new ImportError(current, '', msg('importTooLarge', MAX_FILE_CHARS / 1024 / 1024));
      }
      if (stripBom(text).trim() === '') throw new ImportError(current, '', msg('importEmptyFile'));
      const ctx = new FileContext(current, opts, notes);

      if (looksLikeJson(text)) {
        const data = parseJsonText(current, stripBom(text));
        if (isTabulariumJson(data)) {
          formats.add('tabularium');
          const r = importTabulariumJson(ctx, data);
          if (r.cookieJars) {
            if (encryptedCookies) notes.add(msg('importCookiesIn', current), msg('importOneCookieFile'));
            else encryptedCookies = r.cookieJars;
          }
          slots.push(r.sessions);
        } else if (Array.isArray(data)) {
          formats.add('tab-session-manager');
          tsm.push({ ctx, sessions: readTsmSessions(ctx, data) });
          if (tsmSlot < 0) tsmSlot = slots.length;
          slots.push([]);
        } else if (isSessionBuddyJson(data)) {
          formats.add('session-buddy-json');
          slots.push(importSessionBuddyJson(ctx, data));
        } else {
          throw new ImportError(current, '$', msg('importUnknownJson'));
        }
        continue;
      }

      const format = detectTextFormat(text);
      if (!format) throw new ImportError(current, '', msg('importNoUrls'));
      formats.add(format);
      switch (format) {
        case 'onetab':
          slots.push(importOneTab(ctx, text));
          break;
        case 'session-buddy-csv':
          slots.push(importSessionBuddyCsv(ctx, stripBom(text)));
          break;
        case 'html':
          slots.push(importHtml(ctx, stripBom(text)));
          break;
        case 'markdown':
          slots.push(importMarkdown(ctx, text));
          break;
        case 'session-buddy-text':
        case 'url-list':
          slots.push(importUrlText(ctx, text, TEXT_LABEL[format]));
          break;
      }
    }

    if (tsm.length) {
      const merged: TsmEntry[] = mergeTsmFiles(tsm);
      const out: SessionWithBody[] = [];
      for (const entry of merged) {
        current = entry.ctx.file;
        const s = importTsmSession(entry);
        if (s) out.push(s);
      }
      slots[tsmSlot] = out;
    }

    const sessions = slots.flat();
    const [only] = formats;
    return {
      format: formats.size === 1 && only ? only : 'mixed',
      sessions,
      skipped: notes.finish(),
      replaces: [],
      counts: countPreview(sessions),
      encryptedCookies,
    };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(current, '', msg('importUnreadable', describe(e)));
  }
}
