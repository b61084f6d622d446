// Imports on their way in: the page sends the parsed sessions in message-sized parts and the
// worker holds them here until the commit stores them all in one transaction.
//
// Kept in memory on purpose, and it does NOT survive a worker restart: an import is a few seconds
// of messages (each one keeps the worker awake), and writing the parts to IndexedDB first would
// double the cost of the import for a case the person fixes by clicking Import again. A commit
// whose import is gone fails with a message that says so, and nothing is stored.
import { UserError } from '../core/user-error.ts';
import type { ImportFormat } from '../core/formats/index.ts';
import { PartJoiner, type SessionPart } from '../shared/messages/import-export-messages.ts';

/** An import nobody touched for this long is dropped (a closed settings page never aborts). */
const STALE_MS = 10 * 60_000;
/** At most this many imports at once (several settings pages open). */
const MAX_PENDING = 4;

interface Pending {
  format: ImportFormat | 'mixed';
  joiner: PartJoiner;
  touched: number;
}

export class PendingImports {
  private readonly map = new Map<string, Pending>();

  constructor(
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {}

  begin(format: ImportFormat | 'mixed'): string {
    this.dropStale();
    if (this.map.size >= MAX_PENDING) {
      // The oldest one is the most likely to be abandoned.
      const oldest = [...this.map.entries()].sort((a, b) => a[1].touched - b[1].touched)[0];
      if (oldest) this.map.delete(oldest[0]);
    }
    const id = this.newId();
    this.map.set(id, { format, joiner: new PartJoiner(), touched: this.now() });
    return id;
  }

  add(importId: string, parts: readonly SessionPart[]): number {
    const p = this.get(importId);
    if (!Array.isArray(parts)) throw new Error('An import chunk without sessions was received.');
    p.joiner.add(parts);
    p.touched = this.now();
    return p.joiner.size;
  }

  /** Takes the import out: a commit happens once, whether it succeeds or fails. */
  take(importId: string): Pending {
    const p = this.get(importId);
    this.map.delete(importId);
    return p;
  }

  abort(importId: string): void {
    this.map.delete(importId);
  }

  private get(importId: string): Pending {
    const p = this.map.get(importId);
    if (!p) {
      throw new UserError('interrupted', { key: 'errImportInterrupted' });
    }
    return p;
  }

  private dropStale(): void {
    const now = this.now();
    for (const [id, p] of this.map) if (now - p.touched > STALE_MS) this.map.delete(id);
  }
}
