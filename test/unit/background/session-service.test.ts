import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/errors.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';
import { english, englishText, rejectionText } from '../support/english.ts';
import { cookie } from '../support/make-cookie.ts';

const setup = () => fakeWorker({ name: 'bg' });

describe('save and restore through the worker handlers', () => {
  it('saves all windows with counts and a default name, then restores them into new windows', async () => {
    const { fake, handlers } = setup();
    const a = fake.addWindow(['https://a.test/1', 'https://a.test/2', 'https://b.test/']);
    fake.addWindow(['https://c.test/']);
    a.tabs[0]!.pinned = true;
    const { session } = await handlers['sessions.saveAll']({});
    expect(session.counts).toEqual({ windows: 2, tabs: 4 });
    expect(session.name).toBe('A, B, C · 4 tabs');
    fake.windows = [];
    const report = await handlers['sessions.restore']({ id: session.id });
    expect(report).toMatchObject({ windows: 2, tabs: 4, failed: [], cancelled: false });
    expect(fake.windows).toHaveLength(2);
    // Non-active tabs come back as placeholders carrying the real URL.
    const urls = fake.windows[0]!.tabs.map((t) => t.url!);
    expect(urls[0]).toBe('https://a.test/1');
    expect(urls[1]).toMatch(
      /^chrome-extension:\/\/fakeid\/src\/ui\/placeholder\/index\.html\?u=https%3A%2F%2Fa\.test%2F2/,
    );
    expect(fake.windows[0]!.tabs[0]!.pinned).toBe(true);
  });

  it("marks in a session's detail the tabs whose address carries a session token", async () => {
    const { fake, handlers } = setup();
    fake.addWindow(['https://a.test/?page=2']);
    fake.addWindow(['https://b.test/', 'https://b.test/cart;jsessionid=9f86d081884c7d659a2feaa0c55ad015']);
    const { session } = await handlers['sessions.saveAll']({});
    const detail = await handlers['sessions.get']({ id: session.id });
    expect(detail.urlTokenTabs).toEqual([[1, 1]]);
    // The saved address itself is kept as it was: restoring must open the same page.
    expect(detail.body.windows[1]!.tabs[1]!.url).toContain('jsessionid=');
  });

  it('saves only the given window with "Save this window"', async () => {
    const { fake, handlers } = setup();
    fake.addWindow(['https://a.test/']);
    const b = fake.addWindow(['https://b.test/', 'https://b.test/2']);
    const { session } = await handlers['sessions.saveWindow']({ windowId: b.id, name: '  Work  ' });
    expect(session).toMatchObject({ name: 'Work', counts: { windows: 1, tabs: 2 } });
  });

  it('refuses to save nothing, with a message that says so', async () => {
    const { handlers } = setup();
    expect(await rejectionText(handlers['sessions.saveAll']({}))).toBe('There are no tabs to save.');
  });

  it('restores tab groups with title, colour and collapsed state, and the window state', async () => {
    const { fake, handlers } = setup();
    const w = fake.addWindow(['https://a.test/', 'https://b.test/', 'https://c.test/'], { state: 'maximized' });
    fake.groups.push({ id: 1, windowId: w.id, title: 'Read later', color: 'cyan', collapsed: true });
    w.tabs[1]!.groupId = 1;
    w.tabs[2]!.groupId = 1;
    const { session } = await handlers['sessions.saveAll']({});
    fake.windows = [];
    fake.groups = [];
    await handlers['sessions.restore']({ id: session.id });
    expect(fake.groups).toHaveLength(1);
    expect(fake.groups[0]).toMatchObject({ title: 'Read later', color: 'cyan', collapsed: true });
    expect(fake.windows[0]!.tabs.filter((t) => t.groupId === fake.groups[0]!.id)).toHaveLength(2);
    expect(fake.windows[0]!.state).toBe('maximized');
  });

  it('reports a URL the browser refuses and still opens the rest', async () => {
    const { fake, handlers } = setup();
    fake.addWindow(['https://a.test/', 'https://b.test/']);
    const { session } = await handlers['sessions.saveAll']({});
    fake.windows = [];
    fake.refuse = (u) => !!u && u.includes('b.test');
    const report = await handlers['sessions.restore']({ id: session.id });
    expect(report.tabs).toBe(1);
    expect(report.failed).toHaveLength(1);
    expect(english(report.failed[0]!.reason)).toMatch(/^The browser refused: “Cannot open .*b\.test/);
  });

  it('deletes and undoes through messages', async () => {
    const { fake, handlers } = setup();
    fake.addWindow(['https://a.test/']);
    const { session } = await handlers['sessions.saveAll']({});
    await handlers['sessions.delete']({ id: session.id });
    expect((await handlers['sessions.list']({})).sessions).toEqual([]);
    await handlers['sessions.undoDelete']({ id: session.id });
    expect((await handlers['sessions.list']({})).sessions.map((s) => s.id)).toEqual([session.id]);
  });

  it('promotes an automatic snapshot to a saved session ("Keep")', async () => {
    const { ctx, handlers } = fakeWorker({ name: 'keep' });
    const windows = [
      {
        type: 'normal' as const,
        state: 'normal' as const,
        incognito: false,
        focused: true,
        groups: [],
        tabs: [{ url: 'https://a.test/', title: 'A' }],
      },
    ];
    const auto = await ctx.sessions.store(windows, 'autosave');
    expect((await handlers['sessions.list']({})).sessions.map((x) => x.kind)).toEqual(['autosave']);
    const kept = await handlers['sessions.promote']({ id: auto.id });
    expect(kept.session.kind).toBe('manual');
    expect((await handlers['sessions.list']({})).sessions.map((x) => x.kind)).toEqual(['manual']);
  });
});

describe('a save whose cookies could not be kept', () => {
  /** Cookie keeping on and allowed, one window on a site with a session cookie. */
  function keeping() {
    const w = fakeWorker({ name: 'jar' });
    for (const p of ['cookies', '<all_urls>']) w.fake.permissions.granted.add(p);
    w.fake.local.set('settings', { keepCookies: true });
    w.fake.cookies.add(cookie({ domain: 'a.test' }));
    w.fake.addWindow(['https://a.test/']);
    return w;
  }

  it('keeps the cookies and says nothing when all went well', async () => {
    const { handlers } = keeping();
    const r = await handlers['sessions.saveAll']({ name: 'Trip' });
    expect(r.session.cookieJarId).toBeDefined();
    expect(r.cookieProblem).toBeUndefined();
  });

  it('saves the tabs, and says the cookie jar could not be written and why', async () => {
    const { ctx, handlers } = keeping();
    ctx.store.jars.save = () => Promise.reject(new StoreError('quota', { key: 'errQuota' }));
    const r = await handlers['sessions.saveAll']({ name: 'Trip' });
    expect(r.session.cookieJarId).toBeUndefined();
    expect(english(r.cookieProblem)).toBe(englishText('saveCookiesNotKept', [englishText('errQuota')]));
    const { sessions } = await handlers['sessions.list']({});
    expect(sessions.map((s) => [s.name, s.cookieJarId])).toEqual([['Trip', undefined]]);
  });

  it('says so when the cookies could not be read', async () => {
    const { fake, handlers } = keeping();
    fake.cookies.getAllForDomain = () => Promise.reject(new Error('No cookie store'));
    const r = await handlers['sessions.saveWindow']({});
    expect(english(r.cookieProblem)).toBe(
      englishText('saveCookiesNotKept', [englishText('saveCookiesUnread', ['No cookie store'])]),
    );
  });

  it('removes the jar again when the session itself cannot be written', async () => {
    const { ctx, handlers } = keeping();
    const jars: string[] = [];
    const save = ctx.store.jars.save;
    ctx.store.jars.save = (id, cookies, now) => (jars.push(id), save(id, cookies, now));
    ctx.store.sessions.save = () => Promise.reject(new StoreError('quota', { key: 'errQuota' }));
    expect(await rejectionText(handlers['sessions.saveAll']({}))).toBe(englishText('errQuota'));
    expect(jars).toHaveLength(1);
    expect(await ctx.store.jars.get(jars[0]!)).toBeUndefined();
  });
});
