// The Platform's browser differences, against strict fakes of Chrome's and Firefox's namespaces.
import { msg } from '../../../src/core/user-error.ts';
import { describe, expect, it } from 'vitest';
import { flavourOf } from '../../../src/platform/flavour-detection.ts';
import { makePlatform } from '../../../src/platform/make-platform.ts';
import { BASE, FakeNamespace, parts, type Kind } from '../fakes/fake-namespaces.ts';

function setup(kind: Kind, withGroups = true) {
  const fake = new FakeNamespace(kind);
  return { fake, platform: makePlatform(fake.namespace(), fake.groups(withGroups), parts) };
}

describe('flavour', () => {
  it('is told by the extension base URL', () => {
    expect(flavourOf(BASE.firefox)).toBe('firefox');
    expect(flavourOf(BASE.chrome)).toBe('chrome');
  });
});

describe('what each browser can open', () => {
  it('Firefox: discarded tabs yes, data: and file: URLs never (whatever file access says)', async () => {
    const { platform, fake } = setup('firefox');
    fake.fileAccess = true;
    expect(platform.createsDiscardedTabs).toBe(true);
    expect(platform.allowsDataUrls).toBe(false);
    expect(await platform.allowsFileUrls()).toBe(false);
    expect(platform.extensionBase).toBe(BASE.firefox);
  });

  it('Chrome: no discarded tabs, data: URLs yes, file: URLs as the person allowed', async () => {
    const { platform, fake } = setup('chrome');
    expect(platform.createsDiscardedTabs).toBe(false);
    expect(platform.allowsDataUrls).toBe(true);
    fake.fileAccess = false;
    expect(await platform.allowsFileUrls()).toBe(false);
    fake.fileAccess = true;
    expect(await platform.allowsFileUrls()).toBe(true);
  });
});

describe('lazy tabs', () => {
  it('Firefox: tabs.create({discarded: true, title}) with the real URL', async () => {
    const { platform, fake } = setup('firefox');
    await platform.tabs.create({ windowId: 1, url: 'https://a.test/', active: false, discarded: true, title: 'A' });
    expect(fake.created()).toEqual([
      { windowId: 1, url: 'https://a.test/', active: false, discarded: true, title: 'A' },
    ]);
  });

  it('Firefox: tabs it cannot create discarded simply load (active, pinned, about:, no URL)', async () => {
    const { platform, fake } = setup('firefox');
    await platform.tabs.create({ windowId: 1, url: 'https://a.test/', active: true, discarded: true, title: 'A' });
    await platform.tabs.create({
      windowId: 1,
      url: 'https://b.test/',
      active: false,
      pinned: true,
      discarded: true,
      title: 'B',
    });
    await platform.tabs.create({ windowId: 1, url: 'about:blank', active: false, discarded: true, title: 'C' });
    await platform.tabs.create({ windowId: 1, active: false, discarded: true, title: 'D' });
    for (const d of fake.created()) {
      expect(d).not.toHaveProperty('discarded');
      expect(d).not.toHaveProperty('title');
    }
  });

  it('Chrome: never sends `discarded` or `title`, which its tabs.create rejects', async () => {
    const { platform, fake } = setup('chrome');
    await platform.tabs.create({ windowId: 1, url: 'https://a.test/', active: false, discarded: true, title: 'A' });
    expect(fake.created()).toEqual([{ windowId: 1, url: 'https://a.test/', active: false }]);
  });
});

describe('containers', () => {
  it('Firefox: an existing container is passed to tabs.create and windows.create', async () => {
    const { platform, fake } = setup('firefox');
    const t = await platform.tabs.create({
      windowId: 1,
      url: 'https://a.test/',
      active: false,
      cookieStoreId: 'firefox-container-1',
    });
    const w = await platform.windows.create({
      url: 'https://b.test/',
      type: 'normal',
      incognito: false,
      focused: true,
      cookieStoreId: 'firefox-container-1',
    });
    expect(t.droppedContainer).toBeUndefined();
    expect(w.droppedContainer).toBeUndefined();
    expect(fake.created()[0]).toMatchObject({ cookieStoreId: 'firefox-container-1' });
    expect(fake.created('windows.create')[0]).toMatchObject({ cookieStoreId: 'firefox-container-1', focused: true });
  });

  it('Firefox: a container that no longer exists is skipped, the tab still opens, and the reason is returned', async () => {
    const { platform, fake } = setup('firefox');
    const t = await platform.tabs.create({
      windowId: 1,
      url: 'https://a.test/',
      active: false,
      cookieStoreId: 'firefox-container-9',
    });
    expect(t.droppedContainer).toEqual({
      cookieStoreId: 'firefox-container-9',
      reason: msg('restoreBrowserSaid', 'No cookie store exists with ID firefox-container-9'),
    });
    expect(fake.created()).toHaveLength(2);
    expect(fake.created()[1]).not.toHaveProperty('cookieStoreId');
    const w = await platform.windows.create({
      url: 'https://b.test/',
      type: 'normal',
      incognito: false,
      focused: false,
      cookieStoreId: 'firefox-container-9',
    });
    expect(w.droppedContainer?.cookieStoreId).toBe('firefox-container-9');
    // Firefox has no unfocused new windows: `focused: false` is left out.
    expect(fake.created('windows.create').at(-1)).toEqual({ url: 'https://b.test/', type: 'normal', incognito: false });
  });

  it("Firefox: an error that is not the container's is the answer", async () => {
    const { platform } = setup('firefox');
    await expect(
      platform.tabs.create({
        windowId: 1,
        url: 'data:text/html,x',
        active: false,
        cookieStoreId: 'firefox-container-1',
      }),
    ).rejects.toThrow('Illegal URL');
  });

  it('the default and private stores are implied by the window: never sent, never reported', async () => {
    for (const kind of ['firefox', 'chrome'] as const) {
      const { platform, fake } = setup(kind);
      for (const id of ['firefox-default', 'firefox-private']) {
        const t = await platform.tabs.create({ windowId: 1, url: 'https://a.test/', active: false, cookieStoreId: id });
        expect(t.droppedContainer).toBeUndefined();
      }
      expect(fake.created().every((d) => !('cookieStoreId' in d))).toBe(true);
    }
  });

  it('Chrome: has no containers, so the key is never sent (it would fail the tab) and the loss is reported', async () => {
    const { platform, fake } = setup('chrome');
    const t = await platform.tabs.create({
      windowId: 1,
      url: 'https://a.test/',
      active: false,
      cookieStoreId: 'firefox-container-1',
    });
    expect(t.droppedContainer).toEqual({
      cookieStoreId: 'firefox-container-1',
      reason: msg('restoreNoContainers'),
    });
    const w = await platform.windows.create({
      url: 'https://a.test/',
      type: 'normal',
      incognito: false,
      focused: false,
      cookieStoreId: 'firefox-container-1',
    });
    expect(w.droppedContainer?.cookieStoreId).toBe('firefox-container-1');
    expect(fake.created()).toEqual([{ windowId: 1, url: 'https://a.test/', active: false }]);
    expect(fake.created('windows.create')).toEqual([
      { url: 'https://a.test/', type: 'normal', incognito: false, focused: false },
    ]);
  });
});

describe('tab groups', () => {
  it('are missing from the Platform where the browser has none', () => {
    expect(setup('firefox', false).platform.tabGroups).toBeUndefined();
    expect(makePlatform(new FakeNamespace('firefox').namespace(), undefined, parts).tabGroups).toBeUndefined();
  });

  it('group tabs in their own window where the browser has them (Chrome, Firefox 139+)', async () => {
    for (const kind of ['chrome', 'firefox'] as const) {
      const { platform, fake } = setup(kind);
      expect(await platform.tabGroups!.group([3, 4], 7)).toBe(5);
      await platform.tabGroups!.update(5, { title: 'Work', color: 'blue', collapsed: true });
      expect(fake.calls.map((c) => c.method)).toEqual(['tabs.group', 'tabGroups.update']);
      expect(fake.calls[0]!.details).toEqual({ tabIds: [3, 4], createProperties: { windowId: 7 } });
      expect(await platform.tabGroups!.query()).toEqual([
        { id: 5, windowId: 1, title: '', color: 'blue', collapsed: false },
      ]);
    }
  });
});
