// Sync between devices through one WebDAV folder (an in-memory FakeDav behind the injected fetch):
// what travels, what wins a conflict and where the loser goes, what a failing or emptied server
// changes (nothing here), and how few requests an idle or a one-change device makes.
import { describe, expect, it, vi } from 'vitest';
import { KEY_FILE } from '../../../../src/core/sync/sync-model.ts';
import { FakeDav, type Failure } from '../../support/fake-dav.ts';
import { cookie } from '../../support/make-cookie.ts';
import { device, names, PASSPHRASE, saveSession, turnOn } from '../../support/sync-devices.ts';

describe('sync between two devices', () => {
  it('sends a session saved on one device to the other, and only ciphertext to the server', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    const b = device(dav, 'b');
    await saveSession(a, 's1', 'Holiday in Lisbon', [
      'https://lisbon.example/trams?access_token=abcdef0123456789abcdef',
    ]);
    const sa = await turnOn(a, dav);
    expect(sa.state).toBe('idle');
    expect(sa.lastSyncAt).toBe(a.clock.now);

    const sb = await turnOn(b, dav);
    expect(sb.state).toBe('idle');
    expect(await names(b)).toEqual(['Holiday in Lisbon']);
    const got = await b.store.sessions.get('s1');
    // Session tokens in addresses are left out by default.
    expect(got?.body.windows[0]?.tabs[0]?.url).toBe('https://lisbon.example/trams');

    // The key file is the only cleartext file; no title, URL or name anywhere.
    for (const [name] of dav.files) {
      const text = dav.text(name);
      expect(text).not.toMatch(/Lisbon|lisbon\.example|trams|s1/);
      if (name !== KEY_FILE) expect(name).toMatch(/^[sm]-[0-9a-f]{32}$/);
    }
    expect(JSON.parse(dav.text(KEY_FILE))).toMatchObject({ format: 'tabularium-sync', kdf: { name: 'PBKDF2' } });
  });

  it('carries a rename back, and a deletion to the other device’s trash', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    const b = device(dav, 'b');
    await saveSession(a, 's1', 'Work', ['https://work.example/']);
    await turnOn(a, dav);
    await turnOn(b, dav);

    b.clock.now += 60_000;
    await b.store.sessions.update('s1', (s) => ({ ...s, name: 'Work, renamed' }), b.clock.now);
    await b.ctx.sync.now();
    a.clock.now += 120_000;
    await a.ctx.sync.now();
    expect(await names(a)).toEqual(['Work, renamed']);

    await a.store.sessions.delete('s1', a.clock.now);
    await a.ctx.sync.now();
    b.clock.now += 120_000;
    const status = await b.ctx.sync.now();
    expect(await names(b)).toEqual([]);
    expect(status.kept).toEqual([{ id: 's1', name: 'Work, renamed', at: b.clock.now }]);
    // In B's trash: Undo brings it back.
    expect((await b.store.sessions.undoDelete('s1')).name).toBe('Work, renamed');
  });

  it('lets the later edit win a conflict and keeps the other version in the trash', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    const b = device(dav, 'b');
    await saveSession(a, 's1', 'Reading', ['https://one.example/']);
    await turnOn(a, dav);
    await turnOn(b, dav);

    // Both edit before either syncs; B's edit is the later one.
    await a.store.sessions.update('s1', (s) => ({ ...s, name: 'Reading (A)' }), a.clock.now + 1_000);
    await b.store.sessions.update('s1', (s) => ({ ...s, name: 'Reading (B)' }), b.clock.now + 2_000);
    await a.ctx.sync.now();
    const sb = await b.ctx.sync.now();
    await a.ctx.sync.now();

    expect(await names(a)).toEqual(['Reading (B)']);
    expect(await names(b)).toEqual(['Reading (B)']);
    // B won, and kept A's version it overwrote in its trash: nothing lost.
    expect(sb.kept?.map((k) => k.name)).toEqual(['Reading (A)']);
    const trashId = sb.kept![0]!.id;
    expect((await b.store.sessions.undoDelete(trashId)).name).toBe('Reading (A)');
  });

  it('puts the losing local version in the trash when the server’s version wins', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    const b = device(dav, 'b');
    await saveSession(a, 's1', 'Plans', ['https://plans.example/']);
    await turnOn(a, dav);
    await turnOn(b, dav);

    await a.store.sessions.update('s1', (s) => ({ ...s, name: 'Plans (A, later)' }), a.clock.now + 5_000);
    await b.store.sessions.update('s1', (s) => ({ ...s, name: 'Plans (B, earlier)' }), b.clock.now + 1_000);
    await a.ctx.sync.now();
    const sb = await b.ctx.sync.now();
    expect(await names(b)).toEqual(['Plans (A, later)']);
    expect(sb.kept?.map((k) => k.name)).toEqual(['Plans (B, earlier)']);
    expect((await b.store.sessions.undoDelete(sb.kept![0]!.id)).name).toBe('Plans (B, earlier)');
  });

  it('refuses a wrong passphrase on a second device and changes nothing anywhere', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    const b = device(dav, 'b');
    await saveSession(a, 's1', 'Mine', ['https://mine.example/']);
    await turnOn(a, dav);
    await saveSession(b, 's2', 'Theirs', ['https://theirs.example/']);
    const before = [...dav.files].map(([n, f]) => [n, f.etag]);
    const puts = dav.count('PUT');

    await expect(turnOn(b, dav, 'not the passphrase at all')).rejects.toMatchObject({
      code: 'refused',
      userMessage: { key: 'syncErrPassphrase' },
    });
    expect([...dav.files].map(([n, f]) => [n, f.etag])).toEqual(before);
    expect(dav.count('PUT')).toBe(puts);
    expect((await b.ctx.sync.status()).state).toBe('off');
    expect(await names(b)).toEqual(['Theirs']);
  });

  it('makes one request when idle, and one PUT of the session plus the manifest for one change', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    for (let i = 0; i < 5; i++) await saveSession(a, `s${i}`, `Session ${i}`, [`https://x${i}.example/`]);
    await turnOn(a, dav);
    await a.ctx.sync.now();

    dav.requests = [];
    await a.ctx.sync.now();
    expect(dav.requests.map((r) => r.method)).toEqual(['PROPFIND']);

    dav.requests = [];
    a.clock.now += 1_000;
    await a.store.sessions.update('s3', (s) => ({ ...s, name: 'Changed' }), a.clock.now);
    await a.ctx.sync.now();
    expect(dav.count('PUT')).toBe(2);
    expect(dav.count('GET')).toBe(0);
    // The listing, and one more to learn the new ETags (the PUT answer carries none, as Apache's).
    expect(dav.count('PROPFIND')).toBe(2);
  });

  it('pushes a change within 10 s of it, however the edits keep coming', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    await turnOn(a, dav);
    dav.requests = [];
    const start = a.clock.now;
    // An edit every 1.5 s: a plain debounce would wait for the end of the burst.
    for (let i = 0; i < 6; i++) {
      await saveSession(a, `s${i}`, `Burst ${i}`, ['https://burst.example/']);
      expect(dav.count('PUT')).toBe(0);
      a.timers.advance(1_500);
    }
    await vi.waitFor(() => expect(dav.count('PUT')).toBeGreaterThan(0));
    expect(a.clock.now - start).toBeLessThanOrEqual(10_000);
    const b = device(dav, 'b');
    await turnOn(b, dav);
    expect((await names(b)).length).toBeGreaterThanOrEqual(5);
  });

  it('makes no request for its own writes', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    const b = device(dav, 'b');
    await saveSession(a, 's1', 'One', ['https://one.example/']);
    await turnOn(a, dav);
    await turnOn(b, dav);
    dav.requests = [];
    // B stored A's session: that write is no change of B's to push.
    b.timers.advance(10_000);
    await b.ctx.sync.status();
    await new Promise((r) => setTimeout(r, 20));
    expect(dav.requests).toEqual([]);
  });
});

describe('a failing server', () => {
  const cases: [string, Failure, string][] = [
    ['offline', 'offline', 'offline'],
    ['401', 401, 'auth'],
    ['403', 403, 'forbidden'],
    ['404', 404, 'not-found'],
    ['409', 409, 'conflict'],
    ['412', 412, 'precondition'],
    ['423', 423, 'locked'],
    ['507', 507, 'full'],
    ['500', 500, 'server'],
    ['a timeout', 'hang', 'timeout'],
    ['garbage', 'garbage', 'garbage'],
  ];
  for (const [what, failure, code] of cases) {
    it(`says so for ${what}, retries later and changes nothing here`, async () => {
      const dav = new FakeDav();
      const a = device(dav, 'a', { timeoutMs: 50 });
      const b = device(dav, 'b', { timeoutMs: 50 });
      await saveSession(a, 's1', 'From A', ['https://a.example/']);
      await turnOn(a, dav);
      await saveSession(b, 's2', 'From B', ['https://b.example/']);
      await turnOn(b, dav);
      await a.store.sessions.delete('s1', a.clock.now);
      await a.ctx.sync.now();

      dav.fail = (r) => (r.method === 'PROPFIND' || r.method === 'GET' ? failure : undefined);
      const s = await b.ctx.sync.now();
      expect(s.state).toBe('failing');
      expect(s.problem?.code).toBe(code);
      expect(s.retryAt).toBeGreaterThan(b.clock.now);
      expect(await names(b)).toEqual(['From A', 'From B']);

      // The retry after the backoff gets through.
      dav.fail = () => undefined;
      b.timers.advance(s.retryAt! - b.clock.now);
      await b.ctx.sync.now();
      const after = await b.ctx.sync.status();
      expect(after.problem).toBeUndefined();
      expect(after.state).toBe('idle');
      expect(await names(b)).toEqual(['From B']);
    });
  }

  it('asks before anything is deleted when the server comes back empty, and can upload again', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    await saveSession(a, 's1', 'Precious', ['https://precious.example/']);
    await turnOn(a, dav);
    dav.files.clear();

    const s = await a.ctx.sync.now();
    expect(s.state).toBe('ask');
    expect(s.problem?.code).toBe('server-lost');
    expect(await names(a)).toEqual(['Precious']);
    // It keeps asking: a pull does not delete either.
    await a.ctx.sync.alarm('sync');
    expect(await names(a)).toEqual(['Precious']);

    const up = await a.ctx.sync.resolve({ action: 'upload' });
    expect(up.state).toBe('idle');
    const b = device(dav, 'b');
    await turnOn(b, dav, PASSPHRASE);
    expect(await names(b)).toEqual(['Precious']);
  });

  it('asks when only some synced files were deleted on the server', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    await saveSession(a, 's1', 'One', ['https://one.example/']);
    await saveSession(a, 's2', 'Two', ['https://two.example/']);
    await turnOn(a, dav);
    const first = [...dav.files.keys()].find((n) => n.startsWith('s-'))!;
    dav.files.delete(first);
    const s = await a.ctx.sync.now();
    expect(s.state).toBe('ask');
    expect(await names(a)).toEqual(['One', 'Two']);
  });
});

describe('what syncs', () => {
  it('sends autosaves only when chosen, and turning them off deletes none on other devices', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    const b = device(dav, 'b');
    await saveSession(a, 's1', 'Saved', ['https://saved.example/']);
    await saveSession(a, 'auto1', 'Autosave', ['https://auto.example/'], { kind: 'autosave' });
    await turnOn(a, dav);
    await turnOn(b, dav);
    expect(await names(b)).toEqual(['Saved']);

    await a.ctx.sync.setOptions({ autosaves: true });
    await a.ctx.sync.now();
    await b.ctx.sync.setOptions({ autosaves: true });
    await b.ctx.sync.now();
    expect(await names(b)).toEqual(['Autosave', 'Saved']);

    await a.ctx.sync.setOptions({ autosaves: false });
    await a.ctx.sync.now();
    await b.ctx.sync.now();
    expect(await names(b)).toEqual(['Autosave', 'Saved']);
    expect(await names(a)).toEqual(['Autosave', 'Saved']);
  });
});

describe('the sync secret', () => {
  it('is sealed with the cookie keys: it survives the vault lock turning on, and waits while locked', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    await saveSession(a, 's1', 'One', ['https://one.example/']);
    await turnOn(a, dav);
    await a.store.vault.turnOn('a vault passphrase');
    expect((await a.ctx.sync.now()).state).toBe('idle');

    await a.store.vault.lock();
    const locked = await a.ctx.sync.now();
    expect(locked.state).toBe('locked');
    expect(locked.problem?.code).toBe('vault-locked');
    await a.store.vault.unlock('a vault passphrase');
    expect((await a.ctx.sync.now()).state).toBe('idle');

    await a.store.vault.turnOff('a vault passphrase');
    expect((await a.ctx.sync.now()).state).toBe('idle');
  });

  it('is never stored in clear: neither the password nor the passphrase', async () => {
    const dav = new FakeDav();
    dav.password = 'app-password-7c1f';
    const a = device(dav, 'a');
    await turnOn(a, dav);
    const config = await a.store.sync.get<Record<string, unknown>>('config');
    const text = JSON.stringify(config);
    expect(text).not.toContain('app-password-7c1f');
    expect(text).not.toContain(PASSPHRASE);
  });

  it('carries a session’s cookies only when chosen and with the vault lock on, sealed inside its file', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    const b = device(dav, 'b');
    const sid = cookie({ name: 'sid', value: 'secret-session-7f3a', domain: 'mail.example' });
    await a.store.jars.save('jar-a', [sid], a.clock.now);
    await saveSession(a, 's1', 'Mail', ['https://mail.example/'], { cookieJarId: 'jar-a' });
    await turnOn(a, dav);
    await turnOn(b, dav);
    // Chosen, but A's vault lock is off: the session goes without its cookies.
    await a.ctx.sync.setOptions({ cookieJars: true });
    expect((await a.ctx.sync.status()).vaultLockOn).toBe(false);
    await b.ctx.sync.setOptions({ cookieJars: true });
    await b.store.vault.turnOn('b vault passphrase');
    await b.ctx.sync.now();
    expect((await b.store.sessions.get('s1'))?.session.cookieJarId).toBeUndefined();

    // Lock on at A, the session changes: its cookies go, and B keeps them in a jar of its own.
    await a.store.vault.turnOn('a vault passphrase');
    a.clock.now += 60_000;
    await a.store.sessions.update('s1', (s) => ({ ...s, name: 'Mail, with login' }), a.clock.now);
    await a.ctx.sync.now();
    for (const [name] of dav.files) expect(dav.text(name)).not.toContain('secret-session-7f3a');
    b.clock.now += 120_000;
    await b.ctx.sync.now();
    const got = (await b.store.sessions.get('s1'))!.session;
    expect(got.name).toBe('Mail, with login');
    expect(got.cookieJarId).toBeDefined();
    expect(await b.store.jars.get(got.cookieJarId!)).toEqual([sid]);
  });

  it('keeps no cookies that arrive on a device whose vault lock is off, or that did not choose them', async () => {
    const dav = new FakeDav();
    const a = device(dav, 'a');
    const b = device(dav, 'b');
    const c = device(dav, 'c');
    await a.store.vault.turnOn('a vault passphrase');
    await a.store.jars.save('jar-a', [cookie({ name: 'sid', value: 'v' })], a.clock.now);
    await saveSession(a, 's1', 'Mail', ['https://mail.example/'], { cookieJarId: 'jar-a' });
    await turnOn(a, dav);
    await a.ctx.sync.setOptions({ cookieJars: true });
    a.clock.now += 1_000;
    await a.store.sessions.update('s1', (s) => ({ ...s, name: 'Mail 2' }), a.clock.now);
    await a.ctx.sync.now();

    await turnOn(b, dav); // chose them, no lock
    await b.ctx.sync.setOptions({ cookieJars: true });
    await c.store.vault.turnOn('c vault passphrase'); // lock, did not choose them
    await turnOn(c, dav);
    for (const d of [b, c]) {
      await d.ctx.sync.now();
      const got = (await d.store.sessions.get('s1'))!.session;
      expect([got.name, got.cookieJarId]).toEqual(['Mail 2', undefined]);
    }
  });
});
