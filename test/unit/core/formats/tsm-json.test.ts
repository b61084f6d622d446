import { describe, expect, it } from 'vitest';
import { ImportError, parseImport } from '../../../../src/core/formats/index.ts';
import { english } from '../../support/english.ts';
import { fixture, idOptions, notes, NOW } from '../../support/format-helpers.ts';

function tsmSession(
  extra: Record<string, unknown>,
  tabs: Record<string, unknown> = { 2: { url: 'https://a.test/', title: 'A', index: 0 } },
) {
  return { name: 'S', windows: { 1: tabs }, ...extra };
}

function errorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('Tab Session Manager: older forms', () => {
  it('reads tag as a space-separated string, a missing id, a string date and no lastEditedTime', () => {
    const text = JSON.stringify([tsmSession({ tag: 'work  reading ', date: '2019-05-01T10:00:00.000Z' })]);
    const p = parseImport([{ name: 'old.json', text }], idOptions());
    const s = p.sessions[0]?.session;
    expect(s?.tags).toEqual(['work', 'reading']);
    expect(s?.sourceId).toBeUndefined();
    expect(s?.createdAt).toBe(Date.parse('2019-05-01T10:00:00.000Z'));
    expect(s?.updatedAt).toBe(s?.createdAt);
    expect(s?.id).toBe('new-1');
  });

  it('reads a date written as a number in a string; an unreadable date falls back to now, with a note', () => {
    const text = JSON.stringify([
      tsmSession({ id: 'a', date: '1556704800000' }),
      tsmSession({ id: 'b', date: 'someday' }),
    ]);
    const p = parseImport([{ name: 'old.json', text }], idOptions());
    expect(p.sessions[0]?.session.createdAt).toBe(1556704800000);
    expect(p.sessions[1]?.session.createdAt).toBe(NOW);
    expect(notes(p.skipped)).toEqual([
      'date of session "S" at old.json, $[1]: not a readable date: the import time is used',
    ]);
  });

  it('orders tabs by index, not by key order', () => {
    const text = JSON.stringify([
      tsmSession(
        { id: 'x' },
        {
          9: { url: 'https://c.test/', index: 2 },
          3: { url: 'https://a.test/', index: 0 },
          5: { url: 'https://b.test/', index: 1 },
        },
      ),
    ]);
    const p = parseImport([{ name: 't.json', text }], idOptions());
    expect(p.sessions[0]?.body.windows[0]?.tabs.map((t) => t.url)).toEqual([
      'https://a.test/',
      'https://b.test/',
      'https://c.test/',
    ]);
  });

  it('maps window state, type and container ids; unknown group colours become grey', () => {
    const text = JSON.stringify([
      {
        id: 'w',
        name: 'W',
        date: 1,
        windows: {
          7: {
            8: {
              url: 'https://a.test/',
              index: 0,
              groupId: 4,
              cookieStoreId: 'firefox-container-1',
              mutedInfo: { muted: true },
            },
          },
        },
        windowsInfo: { 7: { state: 'maximized', type: 'popup', incognito: true } },
        tabGroups: [{ id: 4, title: 'G', color: 'magenta', collapsed: false }],
      },
    ]);
    const w = parseImport([{ name: 't.json', text }], idOptions()).sessions[0]?.body.windows[0];
    expect(w).toMatchObject({
      state: 'maximized',
      type: 'popup',
      incognito: true,
      groups: [{ title: 'G', color: 'grey', collapsed: false }],
    });
    expect(w?.bounds).toBeUndefined();
    expect(w?.tabs[0]).toEqual({
      url: 'https://a.test/',
      title: '',
      groupIndex: 0,
      muted: true,
      cookieStoreId: 'firefox-container-1',
    });
  });

  it('merges split exports (name.json, name_1.json, name_2.json) and keeps one copy of a repeated session', () => {
    const all = JSON.parse(fixture('tsm-export.json')) as { id: string; lastEditedTime: number; name: string }[];
    const [a, b] = all;
    const newerA = { ...a, name: 'Extension APIs (edited)', lastEditedTime: (a?.lastEditedTime ?? 0) + 1 };
    const files = [
      { name: 'backup_2.json', text: JSON.stringify([newerA]) },
      { name: 'backup.json', text: JSON.stringify([a]) },
      { name: 'backup_1.json', text: JSON.stringify([b]) },
    ];
    const p = parseImport(files, idOptions());
    expect(p.format).toBe('tab-session-manager');
    expect(p.sessions.map((s) => s.session.name)).toEqual(['Extension APIs (edited)', 'Cookie research']);
    expect(p.counts).toEqual({ sessions: 2, windows: 3, tabs: 8, notOpenable: 0 });
    expect(p.skipped).toHaveLength(1);
    expect(notes(p.skipped)).toEqual([
      'session "Extension APIs" at backup.json, $[0]: the same session (id 3e767f9f-abc3-4201-90e0-b3db731d34bd) is in backup_2.json too; the more recently edited copy is kept',
    ]);
  });
});

describe('Tab Session Manager: broken files', () => {
  it('says which value is wrong with a JSON path', () => {
    const e = errorOf(() => parseImport([{ name: 'tsm.json', text: JSON.stringify([{ windows: 5 }]) }], idOptions()));
    expect(e.file).toBe('tsm.json');
    expect(e.place).toBe('$[0].windows');
    expect(english(e.userMessage)).toBe(
      'Could not import tsm.json at $[0].windows: expected an object. Nothing was stored.',
    );
  });

  it('points into windows and tabs', () => {
    const text = JSON.stringify([{ name: 'x', windows: { 123: { 456: { url: 42 } } } }]);
    const e = errorOf(() => parseImport([{ name: 'tsm.json', text }], idOptions()));
    expect(e.place).toBe('$[0].windows.123.456.url');
    expect(english(e.problem)).toBe('expected a string');
  });

  it('names a missing field', () => {
    const e = errorOf(() => parseImport([{ name: 'tsm.json', text: '[{"name":"x"}]' }], idOptions()));
    expect(e.place).toBe('$[0]');
    expect(english(e.problem)).toBe('missing field "windows"');
  });

  it('an array of something else is refused at the element', () => {
    const e = errorOf(() => parseImport([{ name: 'tsm.json', text: '[1]' }], idOptions()));
    expect(english(e.userMessage)).toBe(
      'Could not import tsm.json at $[0]: expected a session object. Nothing was stored.',
    );
  });
});
