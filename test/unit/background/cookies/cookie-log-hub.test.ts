import { describe, expect, it, vi } from 'vitest';
import { ChangePairer } from '../../../../src/core/cookies/cookie-log-pairing.ts';
import type {
  CookieLogFromWorker,
  CookieLogToWorker,
  CookieLogWorkerPort,
} from '../../../../src/shared/cookie-log-port.ts';
import { appendChanges } from '../../../../src/ui/inspector/cookie-log.ts';
import { fakeWorker } from '../../fakes/fake-worker.ts';
import { cookie } from '../../support/make-cookie.ts';

function fakePort() {
  const sent: CookieLogFromWorker[] = [];
  let onMsg: (m: CookieLogToWorker) => void = () => undefined;
  let onGone: () => void = () => undefined;
  const port: CookieLogWorkerPort = {
    post: (m) => void sent.push(m),
    onMessage: (cb) => void (onMsg = cb),
    onDisconnect: (cb) => void (onGone = cb),
    disconnect: () => onGone(),
  };
  return { port, sent, send: (m: CookieLogToWorker) => onMsg(m), close: () => onGone() };
}

describe('pairing cookie changes', () => {
  it('turns a removal with cause overwrite followed by an insert into one update', () => {
    const p = new ChangePairer();
    const before = cookie({ name: 'sid', value: 'old' });
    const after = cookie({ name: 'sid', value: 'new' });
    expect(p.push({ removed: true, cause: 'overwrite', cookie: before }, 1)).toEqual([]);
    const out = p.push({ removed: false, cause: 'explicit', cookie: after }, 2);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      kind: 'updated',
      cause: 'explicit',
      cookie: { value: 'new' },
      previous: { value: 'old' },
    });
    expect(p.flush()).toEqual([]);
  });

  it('keeps other removals, inserts, and an overwrite whose insert never came', () => {
    const p = new ChangePairer();
    expect(p.push({ removed: false, cause: 'explicit', cookie: cookie({ name: 'a' }) }, 1)[0]?.kind).toBe('added');
    expect(p.push({ removed: true, cause: 'expired', cookie: cookie({ name: 'b' }) }, 2)[0]).toMatchObject({
      kind: 'removed',
      cause: 'expired',
    });
    p.push({ removed: true, cause: 'overwrite', cookie: cookie({ name: 'c' }) }, 3);
    // An insert of another cookie does not complete c's update.
    expect(p.push({ removed: false, cause: 'explicit', cookie: cookie({ name: 'd' }) }, 4)[0]?.kind).toBe('added');
    expect(p.flush()).toEqual([
      expect.objectContaining({ kind: 'removed', cause: 'overwrite', cookie: expect.objectContaining({ name: 'c' }) }),
    ]);
  });

  it('the worker hub streams one change per edit, only to pages watching that site, and only while one is open', async () => {
    const { fake, ctx } = fakeWorker();
    fake.permissions.granted.add('cookies');
    const api = fake.cookies;
    // Cookie keeping is off: nothing listens to the browser until an inspector watches.
    await ctx.keeper.flush();
    expect(api.listeners.size).toBe(0);
    vi.useFakeTimers();
    try {
      const hub = ctx.cookieLog;
      const app = fakePort();
      const other = fakePort();
      hub.attach(app.port);
      hub.attach(other.port);
      app.send({ type: 'watch', url: 'https://app.example.test/' });
      other.send({ type: 'watch', url: 'https://elsewhere.test/' });
      expect(api.listeners.size).toBe(1);

      await api.set({
        url: 'https://app.example.test/',
        name: 'sid',
        value: 'one',
        path: '/',
        secure: true,
        httpOnly: true,
      });
      await api.set({
        url: 'https://app.example.test/',
        name: 'sid',
        value: 'two',
        path: '/',
        secure: true,
        httpOnly: true,
      });
      vi.advanceTimersByTime(200);
      const changes = app.sent.flatMap((m) => m.changes);
      expect(changes.map((c) => c.kind)).toEqual(['added', 'updated']);
      expect(changes[1]).toMatchObject({ cookie: { value: 'two' }, previous: { value: 'one' } });
      expect(other.sent).toEqual([]);

      app.close();
      other.close();
      expect(hub.listening()).toBe(false);
      expect(api.listeners.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the page log shows newest first, once each, bounded', () => {
    const p = new ChangePairer();
    const a = p.push({ removed: false, cause: 'explicit', cookie: cookie({ name: 'a' }) }, 1);
    const b = p.push({ removed: false, cause: 'explicit', cookie: cookie({ name: 'b' }) }, 2);
    let log = appendChanges([], a);
    log = appendChanges(log, [...a, ...b]);
    expect(log.map((c) => c.cookie.name)).toEqual(['b', 'a']);
    expect(appendChanges(log, b, 1)).toHaveLength(1);
  });
});
