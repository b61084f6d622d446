// Storage failures that a person must be told about, in words they can act on.
import type { Localized, MessageKey } from '../core/localized.ts';

export type StoreErrorCode = 'quota' | 'unavailable' | 'not-found' | 'corrupt';

export class StoreError extends Error {
  /** The words pages show, from _locales; `message` is the same in English, for logs. */
  readonly localized?: Localized;

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown; key?: MessageKey; subs?: string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    if (options?.key) this.localized = { key: options.key, ...(options.subs ? { subs: options.subs } : {}) };
  }
}

export function toStoreError(e: unknown): Error {
  if (e instanceof StoreError) return e;
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError') {
    return new StoreError('quota', 'The disk is full or the storage quota is used up: nothing was changed.', {
      key: 'errQuota',
      cause: e,
    });
  }
  if (name === 'UnknownError' || name === 'InvalidStateError' || name === 'AbortError') {
    return new StoreError('unavailable', `The session database could not be used (${name}): nothing was changed.`, {
      key: 'errDatabase',
      subs: [name],
      cause: e,
    });
  }
  return e instanceof Error ? e : new Error(String(e));
}
