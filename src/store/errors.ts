// Storage failures that a person must be told about, in words they can act on.

export type StoreErrorCode = 'quota' | 'unavailable' | 'not-found' | 'corrupt';

export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export function toStoreError(e: unknown): Error {
  if (e instanceof StoreError) return e;
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError') {
    return new StoreError('quota', 'The disk is full or the storage quota is used up: nothing was changed.', { cause: e });
  }
  if (name === 'UnknownError' || name === 'InvalidStateError' || name === 'AbortError') {
    return new StoreError('unavailable', `The session database could not be used (${name}): nothing was changed.`, { cause: e });
  }
  return e instanceof Error ? e : new Error(String(e));
}
