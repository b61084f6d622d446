import { describe, expect, it } from 'vitest';
import { dropDuplicates, exportSessions, parseImport } from '../../../../src/core/formats/index.ts';
import { english } from '../../support/english.ts';
import { fixture, idOptions, notes, NOW, session, window } from '../../support/format-helpers.ts';

describe('dropDuplicates', () => {
  const p = parseImport([{ name: 'tsm.json', text: fixture('tsm-export.json') }], idOptions());

  it('skips a session already imported from the same source unless this copy is newer', () => {
    const existing = [
      { sourceId: '3e767f9f-abc3-4201-90e0-b3db731d34bd', updatedAt: 1795307831645 },
      { sourceId: '5950e8ab-b594-41b1-8bba-bcaed0ec0b3b', updatedAt: 1 },
    ];
    const q = dropDuplicates(p, existing);
    expect(q.sessions.map((s) => s.session.name)).toEqual(['Cookie research']);
    expect(notes(q.skipped)).toEqual(['session "Extension APIs": already imported, and this copy is not newer']);
    expect(q.counts).toEqual({ sessions: 1, windows: 2, tabs: 5, notOpenable: 0 });
    // The input preview is left alone.
    expect(p.sessions).toHaveLength(2);
  });

  it('keeps everything when nothing matches', () => {
    expect(dropDuplicates(p, [{ updatedAt: 5 }, { sourceId: 'other', updatedAt: 9e15 }]).sessions).toHaveLength(2);
  });

  it('matches Tabularium files by session id', () => {
    const items = [session('s-1', 'A', [window([{ url: 'https://a.test/', title: 'A' }])])];
    const again = parseImport(
      [{ name: 'b.json', text: exportSessions(items, 'tabularium', { now: NOW }) }],
      idOptions(),
    );
    expect(dropDuplicates(again, [{ id: 's-1', updatedAt: NOW }]).sessions).toHaveLength(0);
    expect(dropDuplicates(again, [{ id: 's-1', updatedAt: NOW - 10_000 }]).sessions).toHaveLength(1);
  });

  it('says which stored session a newer Tabularium copy replaces, and what differs', () => {
    const tabs = [
      { url: 'https://a.test/', title: 'A' },
      { url: 'https://b.test/', title: 'B' },
    ];
    const items = [
      session('s-1', 'Trip', [window(tabs)], { updatedAt: NOW, tags: ['x'] }),
      session('s-2', 'Same', [window(tabs)], { updatedAt: NOW }),
      session('s-3', 'New', [window(tabs)], { updatedAt: NOW }),
    ];
    const again = parseImport(
      [{ name: 'b.json', text: exportSessions(items, 'tabularium', { now: NOW }) }],
      idOptions(),
    );
    const q = dropDuplicates(again, [
      { id: 's-1', updatedAt: NOW - 10_000, name: 'Old trip', counts: { windows: 2, tabs: 1 }, tags: [] },
      { id: 's-2', updatedAt: NOW - 10_000, name: 'Same', counts: { windows: 1, tabs: 2 }, tags: [] },
    ]);
    expect(q.sessions).toHaveLength(3);
    expect(q.replaces.map((r) => [r.id, r.storedName, r.changes.map(english)])).toEqual([
      ['s-1', 'Old trip', ['name “Old trip” → “Trip”', 'windows 2 → 1', 'tabs 1 → 2', 'tags changed']],
      ['s-2', 'Same', ['edited later; same name, windows and tabs']],
    ]);
    // Another tool's newer copy is stored beside the old one (a fresh id): it replaces nothing.
    const tsm = dropDuplicates(p, [{ sourceId: '5950e8ab-b594-41b1-8bba-bcaed0ec0b3b', updatedAt: 1, name: 'x' }]);
    expect(tsm.replaces).toEqual([]);
  });
});
