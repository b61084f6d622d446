// Storage failures that a person must be told about, in words they can act on.
import { UserError, type ErrorCode, type UserMessage } from '../core/user-error.ts';

export type StoreErrorCode = Extract<
  ErrorCode,
  'quota' | 'unavailable' | 'not-found' | 'corrupt' | 'invalid' | 'refused' | 'locked'
>;

export class StoreError extends UserError {
  constructor(code: StoreErrorCode, message: UserMessage, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'StoreError';
  }
}

export function toStoreError(e: unknown): Error {
  if (e instanceof UserError) return e;
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError') return new StoreError('quota', { key: 'errQuota' }, { cause: e });
  if (name === 'UnknownError' || name === 'InvalidStateError' || name === 'AbortError') {
    return new StoreError('unavailable', { key: 'errDatabase', substitutions: [name] }, { cause: e });
  }
  return e instanceof Error ? e : new Error(String(e));
}
