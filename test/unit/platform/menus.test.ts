import { describe, expect, it } from 'vitest';
import { makeMenusApi, type MenusNamespace } from '../../../src/platform/menus.ts';

function fakeMenus() {
  const items = new Map<string, { title: string; contexts: string[] }>();
  const ns: MenusNamespace & { runtime: { lastError?: unknown } } = {
    runtime: {},
    i18n: { getMessage: (key) => (key === 'menuAllSessions' ? 'All sessions' : '') },
    contextMenus: {
      create(p, done) {
        // Like Chrome: a duplicate id is an error reported through lastError in the callback.
        ns.runtime.lastError = items.has(p.id)
          ? { message: `Cannot create item with duplicate id ${p.id}` }
          : undefined;
        if (!ns.runtime.lastError) items.set(p.id, { title: p.title, contexts: p.contexts });
        done?.();
        ns.runtime.lastError = undefined;
      },
      remove: async (id) => {
        if (!items.delete(id)) throw new Error('no such item');
      },
    },
  };
  return { ns, items };
}

describe('the toolbar button menu', () => {
  it("adds an item to the toolbar button's menu in the browser's language, replacing an earlier one", async () => {
    const { ns, items } = fakeMenus();
    const menus = makeMenusApi(ns)!;
    await menus.setActionItem('open-manager', { key: 'menuAllSessions' });
    await menus.setActionItem('open-manager', { key: 'menuAllSessions' });
    expect([...items]).toEqual([['open-manager', { title: 'All sessions', contexts: ['action'] }]]);
  });

  it('is absent where the browser has no context menus', () => {
    expect(makeMenusApi({ runtime: {}, i18n: { getMessage: () => '' } })).toBeUndefined();
  });
});
