// A restore plan carried out through the real Platform of each browser (over strict fakes of
// their namespaces): the same core and executor, the browser's own way of doing each thing.
import { describe, expect, it } from 'vitest';
import { LoadSlots } from '../../../src/background/restore/load-slots.ts';
import { executeRestore } from '../../../src/background/restore/restore-executor.ts';
import type { TabRecord, WindowRecord } from '../../../src/core/model.ts';
import { parsePlaceholder } from '../../../src/core/placeholder-url.ts';
import { planRestore } from '../../../src/core/restore-plan.ts';
import { makePlatform } from '../../../src/platform/make-platform.ts';
import { english } from '../support/english.ts';
import { BASE, FakeNamespace, parts, type Kind } from '../fakes/fake-namespaces.ts';

function win(tabs: TabRecord[], groups: WindowRecord['groups'] = []): WindowRecord {
  return { type: 'normal', state: 'normal', incognito: false, focused: true, tabs, groups };
}

async function restore(
  kind: Kind,
  windows: WindowRecord[],
  opts: { withGroups?: boolean; lazy?: boolean; fileAccess?: boolean } = {},
) {
  const fake = new FakeNamespace(kind);
  fake.fileAccess = opts.fileAccess ?? true;
  const platform = makePlatform(fake.namespace(), fake.groups(opts.withGroups ?? true), parts);
  const plan = planRestore(
    windows,
    { kind: 'new-windows' },
    {
      lazy: opts.lazy ?? true,
      allowData: platform.allowsDataUrls,
      allowFile: await platform.allowsFileUrls(),
    },
  );
  const report = await executeRestore(platform, plan, { slots: new LoadSlots(40) });
  return { fake, report };
}

const three = () =>
  win([
    { url: 'https://a.test/', title: 'A' },
    { url: 'https://b.test/', title: 'B', active: true },
    { url: 'https://c.test/', title: 'C' },
  ]);

describe('lazy restore', () => {
  it('Firefox: hidden tabs are the real URL, created discarded with their saved title', async () => {
    const { fake, report } = await restore('firefox', [three()]);
    expect(report).toMatchObject({ windows: 1, tabs: 3, blocked: 0, failed: [] });
    // windows.create cannot discard, so the lazy first tab is not put in it: the window opens
    // blank and that blank tab goes after the active tab is selected (else a lazy one would load).
    expect(fake.created('windows.create')[0]).not.toHaveProperty('url');
    expect(fake.created()).toEqual([
      { windowId: 10, url: 'https://a.test/', active: false, discarded: true, title: 'A' },
      { windowId: 10, url: 'https://b.test/', active: false },
      { windowId: 10, url: 'https://c.test/', active: false, discarded: true, title: 'C' },
    ]);
    const order = fake.calls.map((c) => c.method);
    expect(order.indexOf('tabs.remove')).toBeGreaterThan(order.lastIndexOf('tabs.update'));
    expect(fake.calls.find((c) => c.method === 'tabs.remove')!.details).toEqual({ ids: [11] });
    expect(fake.calls.find((c) => c.method === 'tabs.update')!.details).toEqual({ id: 13, active: true });
  });

  it("Chrome: hidden tabs are the extension's placeholder page carrying the real URL and title", async () => {
    const { fake, report } = await restore('chrome', [three()]);
    expect(report).toMatchObject({ windows: 1, tabs: 3, blocked: 0, failed: [] });
    const [a, b, c] = fake.openUrls();
    expect(parsePlaceholder(BASE.chrome, a!)).toEqual({ url: 'https://a.test/', title: 'A' });
    expect(b).toBe('https://b.test/');
    expect(parsePlaceholder(BASE.chrome, c!)).toEqual({ url: 'https://c.test/', title: 'C' });
    expect(fake.openUrls()).toHaveLength(3);
    expect(fake.calls.every((x) => !('discarded' in x.details))).toBe(true);
  });

  it('Firefox with lazy restore off: every tab loads, nothing discarded', async () => {
    const { fake } = await restore('firefox', [three()], { lazy: false });
    expect(fake.created('windows.create')[0]).toMatchObject({ url: 'https://a.test/' });
    expect(fake.created().every((d) => !('discarded' in d))).toBe(true);
  });
});

describe('URLs the browser refuses', () => {
  const refused = () =>
    win([
      { url: 'https://ok.test/', title: 'OK', active: true },
      { url: 'data:text/html,<b>x</b>', title: 'Data' },
      { url: 'file:///home/me/notes.txt', title: 'File' },
      { url: 'about:config', title: 'Config' },
      { url: 'about:debugging', title: 'Debugging' },
    ]);

  it('Firefox: data:, file: and privileged about: become placeholders with the reason, never discarded tabs', async () => {
    const { fake, report } = await restore('firefox', [refused()]);
    expect(report).toMatchObject({ tabs: 5, blocked: 4, failed: [] });
    const blocked = fake.created().map((d) => ({ d, p: parsePlaceholder(BASE.firefox, d.url as string) }));
    expect(blocked.map((x) => x.p?.reason)).toEqual(['data', 'file', 'privileged', 'privileged']);
    expect(blocked.map((x) => x.p?.url)).toEqual([
      'data:text/html,<b>x</b>',
      'file:///home/me/notes.txt',
      'about:config',
      'about:debugging',
    ]);
    expect(blocked.every((x) => !('discarded' in x.d))).toBe(true);
  });

  it('Chrome: data: opens (lazily, behind the placeholder); file: without access and about: pages are refused', async () => {
    const { fake, report } = await restore('chrome', [refused()], { fileAccess: false });
    expect(report).toMatchObject({ tabs: 5, blocked: 3, failed: [] });
    const opened = fake.openUrls().map((u) => parsePlaceholder(BASE.chrome, u!));
    expect(opened.map((p) => p?.url)).toEqual([
      undefined,
      'data:text/html,<b>x</b>',
      'file:///home/me/notes.txt',
      'about:config',
      'about:debugging',
    ]);
    expect(opened.map((p) => p?.reason)).toEqual([undefined, undefined, 'file', 'privileged', 'privileged']);
  });

  it('Firefox refuses file: even when the person allowed file access', async () => {
    const { fake } = await restore('firefox', [refused()], { fileAccess: true });
    expect(parsePlaceholder(BASE.firefox, fake.created()[1]!.url as string)?.reason).toBe('file');
  });
});

describe('containers', () => {
  it('Firefox: tabs go back into their container; one that is gone is reported and its tab opens without it', async () => {
    const w = win([
      { url: 'https://a.test/', title: 'A', active: true, cookieStoreId: 'firefox-container-1' },
      { url: 'https://b.test/', title: 'B', cookieStoreId: 'firefox-container-1' },
      { url: 'https://c.test/', title: 'C', cookieStoreId: 'firefox-container-7' },
    ]);
    const { fake, report } = await restore('firefox', [w]);
    expect(fake.created('windows.create')[0]).toMatchObject({
      url: 'https://a.test/',
      cookieStoreId: 'firefox-container-1',
    });
    const tabs = fake.created();
    expect(tabs[0]).toMatchObject({ url: 'https://b.test/', cookieStoreId: 'firefox-container-1', discarded: true });
    expect(tabs[1]).toMatchObject({ url: 'https://c.test/', cookieStoreId: 'firefox-container-7' });
    expect(tabs[2]).toEqual({ windowId: 10, url: 'https://c.test/', active: false, discarded: true, title: 'C' });
    expect(report.tabs).toBe(3);
    expect(report.failed.map((f) => [f.url, english(f.reason)])).toEqual([
      [
        'https://c.test/',
        expect.stringMatching(
          /^Container firefox-container-7 was not restored; its tab opened in the default container\. The browser refused: “No cookie store exists with ID firefox-container-7/,
        ),
      ],
    ]);
  });

  it('Chrome: a session from Firefox restores all its tabs, each container loss reported', async () => {
    const w = win([
      { url: 'https://a.test/', title: 'A', active: true, cookieStoreId: 'firefox-container-1' },
      { url: 'https://b.test/', title: 'B', cookieStoreId: 'firefox-container-2' },
    ]);
    const { report } = await restore('chrome', [w]);
    expect(report.tabs).toBe(2);
    expect(report.failed.map((f) => f.url)).toEqual(['https://a.test/', 'https://b.test/']);
    expect(english(report.failed[0]!.reason)).toBe(
      'Container firefox-container-1 was not restored; its tab opened in the default container. ' +
        'This browser has no containers.',
    );
  });
});

describe('tab groups', () => {
  const grouped = () =>
    win(
      [
        { url: 'https://a.test/', title: 'A', active: true },
        { url: 'https://b.test/', title: 'B', groupIndex: 0 },
        { url: 'https://c.test/', title: 'C', groupIndex: 0 },
      ],
      [{ title: 'Work', color: 'blue', collapsed: false }],
    );

  it('where the browser has none, tabs come back ungrouped and nothing fails', async () => {
    const { fake, report } = await restore('firefox', [grouped()], { withGroups: false });
    expect(report).toMatchObject({ tabs: 3, failed: [] });
    expect(fake.calls.some((c) => c.method === 'tabs.group')).toBe(false);
  });

  it('where it has them (Firefox 139+, Chrome), the group is rebuilt in its window', async () => {
    for (const kind of ['firefox', 'chrome'] as const) {
      const { fake } = await restore(kind, [grouped()]);
      const g = fake.calls.find((c) => c.method === 'tabs.group')!.details as {
        tabIds: number[];
        createProperties: { windowId: number };
      };
      const members = g.tabIds.map((id) => fake.tabs.get(id)!);
      expect(members.map((t) => parsePlaceholder(BASE[kind], t.url!)?.url ?? t.url)).toEqual([
        'https://b.test/',
        'https://c.test/',
      ]);
      expect(members.every((t) => t.windowId === g.createProperties.windowId)).toBe(true);
      expect(fake.calls.find((c) => c.method === 'tabGroups.update')!.details).toMatchObject({
        title: 'Work',
        color: 'blue',
      });
    }
  });
});
