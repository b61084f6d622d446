// A failure in the worker reaches the page as words the page can show in its own language: the
// reply names the locale message (and its values) beside the English text.
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/background/router.ts';
import type { Handlers } from '../../../src/shared/protocol.ts';
import { StoreError } from '../../../src/store/errors.ts';

function routerThrowing(e: unknown) {
  const handlers = {
    'sessions.list': async () => {
      throw e;
    },
  } as unknown as Handlers;
  return createRouter(handlers);
}

describe('errors the worker sends back', () => {
  it('carry the message key and values of a store error, with its code', async () => {
    const reply = await routerThrowing(
      new StoreError('unavailable', { key: 'errDatabase', substitutions: ['AbortError'] }),
    )({ tabularium: 1, type: 'sessions.list', payload: {} });
    expect(reply).toEqual({
      ok: false,
      error: {
        message: 'errDatabase(AbortError)',
        code: 'unavailable',
        userMessage: { key: 'errDatabase', substitutions: ['AbortError'] },
      },
    });
  });

  it('send any other error as its message alone', async () => {
    const reply = await routerThrowing(new Error('boom'))({ tabularium: 1, type: 'sessions.list', payload: {} });
    expect(reply).toEqual({ ok: false, error: { message: 'boom' } });
  });
});
