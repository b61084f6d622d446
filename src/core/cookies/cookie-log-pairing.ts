// Turns the browser's cookie change events into the changes a person means. The browser reports
// an update as a removal with cause 'overwrite' immediately followed by an insert of the same
// cookie; shown raw, every edit would read as "deleted, then added". This pairs them into one.
import type { CookieRecord } from './cookie-record.ts';
import { cookieKey } from './cookie-record.ts';

export type ChangeKind = 'added' | 'removed' | 'updated';

export interface CookieChange {
  /** Increasing within one worker run. */
  seq: number;
  /** Milliseconds since the epoch. */
  at: number;
  kind: ChangeKind;
  /** The cookie now (added, updated) or as it was (removed). */
  cookie: CookieRecord;
  /** The cookie before an update. */
  previous?: CookieRecord;
  /** The browser's cause: explicit, overwrite, expired, expired_overwrite, evicted. */
  cause: string;
}

export interface RawChange {
  removed: boolean;
  cause: string;
  cookie: CookieRecord;
}

export class ChangePairer {
  private seq = 0;
  /** Overwrite removals waiting for the insert that follows them, by cookie key. */
  private pending = new Map<string, { cookie: CookieRecord; at: number }>();

  /** Feeds one raw event; returns the changes that are complete now. */
  push(raw: RawChange, at: number): CookieChange[] {
    const key = cookieKey(raw.cookie);
    if (raw.removed && raw.cause === 'overwrite') {
      // A second overwrite of the same key before its insert means the first one stands alone.
      const out = this.take(key);
      this.pending.set(key, { cookie: raw.cookie, at });
      return out;
    }
    if (!raw.removed) {
      const before = this.pending.get(key);
      if (before) {
        this.pending.delete(key);
        return [
          { seq: ++this.seq, at, kind: 'updated', cookie: raw.cookie, previous: before.cookie, cause: raw.cause },
        ];
      }
      return [{ seq: ++this.seq, at, kind: 'added', cookie: raw.cookie, cause: raw.cause }];
    }
    return [...this.take(key), { seq: ++this.seq, at, kind: 'removed', cookie: raw.cookie, cause: raw.cause }];
  }

  /** Overwrites whose insert never came (the caller calls this shortly after): plain removals. */
  flush(): CookieChange[] {
    const out: CookieChange[] = [];
    for (const key of [...this.pending.keys()]) out.push(...this.take(key));
    return out;
  }

  hasPending(): boolean {
    return this.pending.size > 0;
  }

  private take(key: string): CookieChange[] {
    const p = this.pending.get(key);
    if (!p) return [];
    this.pending.delete(key);
    return [{ seq: ++this.seq, at: p.at, kind: 'removed', cookie: p.cookie, cause: 'overwrite' }];
  }
}
