import { describe, expect, it } from 'vitest';
import { chunkSessions, PartJoiner, sessionParts } from '../../../../src/shared/messages/import-export-messages.ts';
import type { SessionWithBody, TabRecord } from '../../../../src/core/model.ts';
import { session, window } from '../../support/format-helpers.ts';
import { thrownText } from '../../support/english.ts';

function tabs(n: number, prefix: string): TabRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    url: `https://${prefix}.test/${i}/${'x'.repeat(i % 50)}`,
    title: `${prefix} ${i}`,
    ...(i % 7 === 0 ? { groupIndex: 0 } : {}),
  }));
}

function big(): SessionWithBody {
  return session('big', 'Big', [
    window(tabs(300, 'a'), { groups: [{ title: 'G', color: 'blue', collapsed: false }] }),
    window(tabs(5, 'b')),
    window(tabs(200, 'c'), { groups: [{ title: 'H', color: 'red', collapsed: true }] }),
  ]);
}

describe('session parts for messages', () => {
  it('keeps a small session whole', () => {
    const s = session('s', 'S', [window(tabs(3, 'a'))]);
    expect(sessionParts(s, 100_000)).toEqual([{ session: s.session, windows: s.body.windows }]);
  });

  it('cuts a big session between tabs within the budget and joins it back exactly', () => {
    const s = big();
    const parts = sessionParts(s, 3_000);
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) expect(JSON.stringify(p).length).toBeLessThanOrEqual(3_000);
    const j = new PartJoiner();
    j.add(parts);
    expect(j.result()).toEqual([s]);
  });

  it('packs several sessions into chunks and restores them in order', () => {
    const items = [session('1', 'One', [window(tabs(4, 'o'))]), big(), session('2', 'Two', [window(tabs(40, 't'))])];
    const chunks = [...chunkSessions(items, 5_000)];
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(JSON.stringify(c).length).toBeLessThanOrEqual(5_000);
    const j = new PartJoiner();
    for (const c of chunks) j.add(JSON.parse(JSON.stringify(c)));
    expect(j.result()).toEqual(items);
  });

  it('refuses a continuation that has no beginning', () => {
    const parts = sessionParts(big(), 3_000);
    expect(thrownText(() => new PartJoiner().add(parts.slice(1)))).toMatch(
      /^A part of session ".*" arrived without its beginning\.$/,
    );
  });
});
