import { describe, expect, it } from 'vitest';
import type { TabRef } from '../../../src/core/tab-moves.ts';
import { countTabs, type Session, type WindowRecord } from '../../../src/core/model.ts';
import { fakeWorker, NOW, type FakeWorker } from '../fakes/fake-worker.ts';
import { FaultyDatabase } from '../support/faulty-idb.ts';
import { rejectionText } from '../support/english.ts';

const win = (urls: string[]): WindowRecord => ({
  type: 'normal',
  state: 'normal',
  incognito: false,
  focused: false,
  groups: [],
  tabs: urls.map((url) => ({ url, title: url })),
});

async function stored(w: FakeWorker, id: string, name: string, windows: WindowRecord[]): Promise<Session> {
  const session: Session = {
    id,
    name,
    kind: 'manual',
    createdAt: NOW,
    updatedAt: NOW,
    tags: [],
    counts: countTabs(windows),
  };
  await w.store.sessions.save(session, { id, windows });
  return session;
}

async function twoSessions(w = fakeWorker({ name: 'manager' })) {
  const a = await stored(w, 'A', 'A', [
    win(['https://a.test/1', 'https://a.test/2', 'https://a.test/3']),
    win(['https://a.test/4']),
  ]);
  const b = await stored(w, 'B', 'B', [win(['https://b.test/1', 'javascript:alert(1)', 'https://b.test/3'])]);
  return { ...w, a, b };
}

const ref = (sessionId: string, windowIndex: number, tabIndex: number, url: string): TabRef => ({
  sessionId,
  windowIndex,
  tabIndex,
  url,
});

async function urlsOf(w: Awaited<ReturnType<typeof twoSessions>>, id: string) {
  const d = await w.handlers['sessions.get']({ id });
  return d.body.windows.map((x) => x.tabs.map((t) => t.url));
}

describe('opening checked tabs from several sessions', () => {
  it('opens exactly those tabs in one new window, and never hands a javascript: URL to the browser', async () => {
    const w = await twoSessions();
    const report = await w.handlers['manager.openTabs']({
      tabs: [
        ref(w.a.id, 0, 1, 'https://a.test/2'),
        ref(w.b.id, 0, 1, 'javascript:alert(1)'),
        ref(w.a.id, 1, 0, 'https://a.test/4'),
      ],
    });
    expect(report).toMatchObject({ tabs: 3, blocked: 1 });
    expect(w.fake.windows).toHaveLength(1);
    const opened = w.fake.windows[0]!.tabs.map((t) => t.url!);
    expect(opened).toHaveLength(3);
    expect(opened[0]).toBe('https://a.test/2');
    // The others are lazy placeholders carrying their real address (or why it cannot open).
    expect(decodeURIComponent(opened.join(' '))).toContain('https://a.test/4');
    expect(w.fake.calls.some((c) => c.includes('tabs.create javascript:'))).toBe(false);
    expect(opened.some((u) => u.startsWith('javascript:'))).toBe(false);
  });

  it('refuses tabs that are no longer where the page saw them', async () => {
    const w = await twoSessions();
    const err = await rejectionText(
      w.handlers['manager.openTabs']({ tabs: [ref(w.a.id, 0, 0, 'https://other.test/')] }),
    );
    expect(err).toMatch(/changed/);
    expect(w.fake.windows).toHaveLength(0);
  });
});

describe('moving checked tabs', () => {
  it('moves tabs from two sessions into one new window of an existing session, in one change', async () => {
    const w = await twoSessions();
    const r = await w.handlers['manager.moveTabs']({
      tabs: [
        ref(w.a.id, 0, 0, 'https://a.test/1'),
        ref(w.a.id, 1, 0, 'https://a.test/4'),
        ref(w.b.id, 0, 2, 'https://b.test/3'),
      ],
      to: { sessionId: w.b.id },
    });
    expect(r.target.counts).toEqual({ windows: 2, tabs: 5 });
    expect(await urlsOf(w, w.a.id)).toEqual([['https://a.test/2', 'https://a.test/3']]);
    expect(await urlsOf(w, w.b.id)).toEqual([
      ['https://b.test/1', 'javascript:alert(1)'],
      ['https://a.test/1', 'https://a.test/4', 'https://b.test/3'],
    ]);
    expect(r.changed.map((s) => s.id).sort()).toEqual([w.a.id, w.b.id].sort());
  });

  it('moves tabs into a new session of the given name', async () => {
    const w = await twoSessions();
    const r = await w.handlers['manager.moveTabs']({
      tabs: [ref(w.b.id, 0, 0, 'https://b.test/1')],
      to: { newName: '  Reading  ' },
    });
    expect(r.target).toMatchObject({ name: 'Reading', kind: 'manual', counts: { windows: 1, tabs: 1 } });
    expect(await urlsOf(w, r.target.id)).toEqual([['https://b.test/1']]);
    expect((await w.handlers['sessions.list']({})).sessions.map((s) => s.name)).toContain('Reading');
  });

  it('loses no tab when the write fails: every session stays as it was', async () => {
    const db = new FaultyDatabase();
    const w = await twoSessions(fakeWorker({ store: db.store() }));
    const before = [await urlsOf(w, w.a.id), await urlsOf(w, w.b.id)];
    // The transaction reads both bodies, writes the first, and fails on the second.
    db.failNth(4, 'QuotaExceededError', { store: 'bodies', mode: 'readwrite' });
    await expect(
      w.handlers['manager.moveTabs']({
        tabs: [ref(w.a.id, 0, 0, 'https://a.test/1'), ref(w.b.id, 0, 0, 'https://b.test/1')],
        to: { sessionId: w.b.id },
      }),
    ).rejects.toMatchObject({ code: 'quota' });
    db.heal();
    expect([await urlsOf(w, w.a.id), await urlsOf(w, w.b.id)]).toEqual(before);
  });
});

describe('deleting checked tabs', () => {
  it('deletes tabs from two sessions and Undo puts each back where it was, emptied windows included', async () => {
    const w = await twoSessions();
    const before = [await urlsOf(w, w.a.id), await urlsOf(w, w.b.id)];
    const r = await w.handlers['manager.deleteTabs']({
      tabs: [
        ref(w.a.id, 0, 1, 'https://a.test/2'),
        ref(w.a.id, 1, 0, 'https://a.test/4'),
        ref(w.b.id, 0, 0, 'https://b.test/1'),
      ],
    });
    expect(await urlsOf(w, w.a.id)).toEqual([['https://a.test/1', 'https://a.test/3']]);
    expect(await urlsOf(w, w.b.id)).toEqual([['javascript:alert(1)', 'https://b.test/3']]);
    expect(r.changed.find((s) => s.id === w.a.id)?.counts).toEqual({ windows: 1, tabs: 2 });
    await w.handlers['manager.undoDeleteTabs']({ undoId: r.undoId });
    expect([await urlsOf(w, w.a.id), await urlsOf(w, w.b.id)]).toEqual(before);
    // Once only.
    expect(await rejectionText(w.handlers['manager.undoDeleteTabs']({ undoId: r.undoId }))).toMatch(/nothing to undo/);
  });

  it('keeps the tabs and offers no Undo when the write fails', async () => {
    const db = new FaultyDatabase();
    const w = await twoSessions(fakeWorker({ store: db.store() }));
    const before = await urlsOf(w, w.a.id);
    // The bodies are written, then the Undo record fails: all of it is undone.
    db.failNth(1, 'AbortError', { store: 'meta', mode: 'readwrite' });
    await expect(
      w.handlers['manager.deleteTabs']({ tabs: [ref(w.a.id, 0, 0, 'https://a.test/1')] }),
    ).rejects.toBeTruthy();
    db.heal();
    expect(await urlsOf(w, w.a.id)).toEqual(before);
    expect(await w.store.meta.get('manager:lastTabDelete')).toBeUndefined();
  });

  it('refuses an empty selection with words', async () => {
    const w = await twoSessions();
    expect(await rejectionText(w.handlers['manager.deleteTabs']({ tabs: [] }))).toMatch(/No tab is checked/);
  });
});
