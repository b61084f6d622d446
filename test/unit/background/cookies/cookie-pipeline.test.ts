// One subscription to the browser's cookie changes feeds both cookie keeping and the inspectors'
// live log, and it exists only while one of them needs it.
import { describe, expect, it } from 'vitest';
import type { CookieLogFromWorker, CookieLogToWorker } from '../../../../src/shared/cookie-log-protocol.ts';
import type { TypedPort } from '../../../../src/platform/ports.ts';
import { fakeWorker } from '../../fakes/fake-worker.ts';
import { cookie } from '../../support/make-cookie.ts';

function inspectorPort() {
  const sent: CookieLogFromWorker[] = [];
  let onMessage: (m: CookieLogToWorker) => void = () => undefined;
  let onGone: () => void = () => undefined;
  const port: TypedPort<CookieLogToWorker, CookieLogFromWorker> = {
    post: (m) => void sent.push(m),
    onMessage: (cb) => void (onMessage = cb),
    onDisconnect: (cb) => void (onGone = cb),
    disconnect: () => onGone(),
  };
  return { port, sent, watch: (url: string) => onMessage({ type: 'watch', url }), close: () => onGone() };
}

function keepingWorld() {
  const w = fakeWorker();
  for (const p of ['cookies', '<all_urls>']) w.fake.permissions.granted.add(p);
  w.fake.local.set('settings', { keepCookies: true });
  w.fake.addWindow(['https://app.example.test/']);
  return w;
}

describe('the cookie pipeline', () => {
  it('listens once for keeping and an open inspector together, and each hears every change', async () => {
    const w = keepingWorld();
    await w.ctx.keeper.flush();
    expect(w.fake.cookies.listeners.size).toBe(1);
    const inspector = inspectorPort();
    w.ctx.cookieLog.attach(inspector.port);
    inspector.watch('https://app.example.test/');
    expect(w.fake.cookies.listeners.size).toBe(1);

    w.fake.cookies.emit({
      removed: false,
      cause: 'explicit',
      cookie: cookie({ name: 'sid', domain: 'app.example.test' }),
    });
    expect(inspector.sent.flatMap((m) => m.changes).map((c) => c.cookie.name)).toEqual(['sid']);
    await w.ctx.keeper.flush();
    expect((await w.store.liveCookies.read()).map((c) => c.name)).toEqual(['sid']);
  });

  it('stops listening when keeping is off and the last inspector closes, and starts again when one opens', async () => {
    const w = fakeWorker();
    w.fake.permissions.granted.add('cookies');
    await w.ctx.keeper.flush();
    expect(w.fake.cookies.listeners.size).toBe(0);
    const inspector = inspectorPort();
    w.ctx.cookieLog.attach(inspector.port);
    inspector.watch('https://app.example.test/');
    expect(w.fake.cookies.listeners.size).toBe(1);
    inspector.close();
    expect(w.fake.cookies.listeners.size).toBe(0);
  });

  it('subscribes once the permission arrives, without a worker restart', async () => {
    const w = keepingWorld();
    w.fake.cookies.enabled = false;
    await w.ctx.keeper.flush();
    expect(w.fake.cookies.listeners.size).toBe(0);
    // Granted: the cookies API appears, and the browser says permissions changed.
    w.fake.cookies.enabled = true;
    w.ctx.cookiePipeline.permissionsChanged();
    expect(w.fake.cookies.listeners.size).toBe(1);
  });
});
