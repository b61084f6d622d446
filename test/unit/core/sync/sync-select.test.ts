// What syncs: saved and imported sessions always, automatic snapshots by choice; what travels
// carries no cookie jar and, unless asked, no session token in its addresses.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_CHOICES, forUpload, kindSyncs, normalizeChoices } from '../../../../src/core/sync/sync-select.ts';
import type { SessionWithBody } from '../../../../src/core/model.ts';

const item: SessionWithBody = {
  session: {
    id: 's1',
    name: 'Bank',
    kind: 'manual',
    createdAt: 1,
    updatedAt: 1,
    tags: [],
    counts: { windows: 1, tabs: 1 },
    cookieJarId: 'jar-1',
  },
  body: {
    id: 's1',
    windows: [
      {
        type: 'normal',
        state: 'normal',
        incognito: false,
        focused: true,
        groups: [],
        tabs: [{ url: 'https://bank.example/app;jsessionid=9f86d081884c7d659a2feaa0c55ad015', title: 'Bank' }],
      },
    ],
  },
};

describe('what syncs', () => {
  it('syncs saved and imported sessions by default, automatic snapshots only when chosen', () => {
    const d = DEFAULT_SYNC_CHOICES;
    expect(
      ['manual', 'imported', 'autosave', 'window-closed', 'recovered'].map((k) => kindSyncs(k as never, d)),
    ).toEqual([true, true, false, false, false]);
    const all = normalizeChoices({ autosaves: true, closedWindows: true, recovered: true });
    expect(kindSyncs('autosave', all) && kindSyncs('window-closed', all) && kindSyncs('recovered', all)).toBe(true);
    expect(normalizeChoices('garbage')).toEqual(DEFAULT_SYNC_CHOICES);
  });

  it('sends no cookie jar and no session token unless asked', () => {
    const up = forUpload(item, DEFAULT_SYNC_CHOICES);
    expect(up.session.cookieJarId).toBeUndefined();
    expect(up.body.windows[0]!.tabs[0]!.url).toBe('https://bank.example/app');
    const kept = forUpload(item, { ...DEFAULT_SYNC_CHOICES, keepUrlTokens: true });
    expect(kept.body.windows[0]!.tabs[0]!.url).toContain('jsessionid=');
    expect(kept.session.cookieJarId).toBeUndefined();
  });
});
