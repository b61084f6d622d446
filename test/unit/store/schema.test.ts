// Migrations finish what they can: a damaged record is skipped and reported, never the end of the
// migration for every record after it.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Session, SessionBody } from '../../../src/core/model.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { DAMAGED_KEY, MIGRATIONS } from '../../../src/store/schema.ts';

const session = (id: string): Session => ({
  id,
  name: `S ${id}`,
  kind: 'manual',
  createdAt: 1,
  updatedAt: 1,
  tags: [],
  counts: { windows: 1, tabs: 1 },
});
const body = (id: string): SessionBody => ({
  id,
  windows: [
    {
      type: 'normal',
      state: 'normal',
      incognito: false,
      focused: true,
      groups: [],
      tabs: [{ url: `https://${id}.test/`, title: id }],
    },
  ],
});

describe('v3: the search index', () => {
  it('skips a damaged body, reports it, and indexes every session after it', async () => {
    const old = await openDB('t-v3-damaged', 2, {
      upgrade(d, _o, _n, t) {
        for (const m of MIGRATIONS.slice(0, 2)) m(d as never, t as never);
      },
    });
    for (const id of ['a', 'b', 'c', 'd']) await old.put('sessions', session(id));
    await old.put('bodies', body('a'));
    // Damaged the way a half-written or hand-edited record is: no window list, a tab that is null.
    await old.put('bodies', { id: 'b', windows: null } as never);
    await old.put('bodies', { ...body('c'), windows: [{ ...body('c').windows[0]!, tabs: [null] }] } as never);
    await old.put('bodies', body('d'));
    old.close();
    const db = await openDatabase('t-v3-damaged');
    expect((await db.getAll('search')).map((r) => r.id)).toEqual(['a', 'd']);
    expect((await db.get('meta', DAMAGED_KEY))?.value).toEqual([{ version: 3, store: 'bodies', ids: ['b', 'c'] }]);
    db.close();
  });
});
