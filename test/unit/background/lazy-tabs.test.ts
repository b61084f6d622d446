// What the worker does when a lazily restored tab's placeholder has loaded: a hidden tab is
// discarded (it keeps its title, costs no memory), the shown tab gets its real page, and a
// placeholder that explains a blocked URL, or any other page, is left alone.
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src/background/app.ts';
import type { Deps } from '../../../src/background/deps.ts';
import { settleLoadedPlaceholder } from '../../../src/background/lazy-tabs.ts';
import { placeholderUrl } from '../../../src/core/placeholder-url.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { EXT_BASE, FakeBrowser } from '../fakes/fake-platform.ts';

function setup() {
  const fake = new FakeBrowser();
  const dbp = openDatabase(`lazy-${Math.random()}`);
  const deps: Deps = { db: () => dbp, platform: fake.platform(), now: () => 1_790_000_000_000, newId: () => 'x' };
  const w = fake.addWindow(['https://a.test/', 'https://b.test/', 'https://c.test/']);
  return { fake, s: createServices(deps), ids: w.tabs.map((t) => t.id) };
}

const lazy = (url: string) => placeholderUrl(EXT_BASE, { url, title: 'Saved' });

describe('a loaded placeholder', () => {
  it('is discarded when hidden', async () => {
    const { fake, s, ids } = setup();
    await settleLoadedPlaceholder(s, ids[1]!, lazy('https://b.test/'), false);
    expect(fake.calls).toContain(`tabs.discard ${ids[1]}`);
    expect(fake.calls.filter((c) => c.startsWith('tabs.navigate'))).toEqual([]);
  });

  it('turns into the real page when it is the shown tab', async () => {
    const { fake, s, ids } = setup();
    await settleLoadedPlaceholder(s, ids[0]!, lazy('https://a.test/'), true);
    expect(fake.calls).toContain(`tabs.navigate ${ids[0]} https://a.test/`);
    expect(fake.calls.filter((c) => c.startsWith('tabs.discard'))).toEqual([]);
  });

  it('leaves blocked-URL placeholders, javascript: targets and ordinary pages alone', async () => {
    const { fake, s, ids } = setup();
    await settleLoadedPlaceholder(
      s,
      ids[1]!,
      placeholderUrl(EXT_BASE, { url: 'chrome://settings', title: 'S', reason: 'privileged' }),
      false,
    );
    await settleLoadedPlaceholder(s, ids[1]!, lazy('javascript:alert(1)'), true);
    await settleLoadedPlaceholder(s, ids[2]!, 'https://c.test/', false);
    expect(fake.calls.filter((c) => c.startsWith('tabs.discard') || c.startsWith('tabs.navigate'))).toEqual([]);
  });
});
