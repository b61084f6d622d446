// A failure in the worker reaches the page as words the page can show in its own language: the
// reply names the locale message (and its values) beside the English text.
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/background/router.ts';
import type { Handlers } from '../../../src/shared/protocol.ts';
import { StoreError } from '../../../src/store/errors.ts';
import { validateRequest } from '../../../src/background/handlers/request-schemas.ts';
import type { UserMessage } from '../../../src/core/user-error.ts';
import { english } from '../support/english.ts';

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

  it('refuse a malformed request at the edge, before any handler runs', async () => {
    let ran = false;
    const handlers = {
      'sessions.rename': async () => {
        ran = true;
        return {};
      },
    } as unknown as Handlers;
    const route = createRouter(handlers, { validate: validateRequest });
    const reply = await route({ tabularium: 1, type: 'sessions.rename', payload: { id: 7 } });
    expect(ran).toBe(false);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', userMessage: { key: 'errBadRequest' } } });
    expect(english((reply as { error: { userMessage: UserMessage } }).error.userMessage)).toMatch(
      /sessions\.rename: id/,
    );
  });
});
