// What the worker does when a lazily restored tab's placeholder has loaded: a hidden tab is
// discarded (it keeps its title, costs no memory), the shown tab gets its real page, and a
// placeholder that explains a blocked URL, or any other page, is left alone.
import { describe, expect, it } from 'vitest';
import { placeholderUrl } from '../../../../src/core/placeholder-url.ts';
import { EXT_BASE } from '../../fakes/fake-platform.ts';
import { fakeWorker } from '../../fakes/fake-worker.ts';

function setup() {
  const { fake, ctx } = fakeWorker({ name: 'lazy' });
  const w = fake.addWindow(['https://a.test/', 'https://b.test/', 'https://c.test/']);
  return { fake, lazyTabs: ctx.lazyTabs, ids: w.tabs.map((t) => t.id) };
}

const lazy = (url: string) => placeholderUrl(EXT_BASE, { url, title: 'Saved' });

describe('a loaded placeholder', () => {
  it('is discarded when hidden', async () => {
    const { fake, lazyTabs, ids } = setup();
    await lazyTabs.loaded(ids[1]!, lazy('https://b.test/'), false);
    expect(fake.calls).toContain(`tabs.discard ${ids[1]}`);
    expect(fake.calls.filter((c) => c.startsWith('tabs.navigate'))).toEqual([]);
  });

  it('turns into the real page when it is the shown tab', async () => {
    const { fake, lazyTabs, ids } = setup();
    await lazyTabs.loaded(ids[0]!, lazy('https://a.test/'), true);
    expect(fake.calls).toContain(`tabs.navigate ${ids[0]} https://a.test/`);
    expect(fake.calls.filter((c) => c.startsWith('tabs.discard'))).toEqual([]);
  });

  it('leaves blocked-URL placeholders, javascript: targets and ordinary pages alone', async () => {
    const { fake, lazyTabs, ids } = setup();
    await lazyTabs.loaded(
      ids[1]!,
      placeholderUrl(EXT_BASE, { url: 'chrome://settings', title: 'S', reason: 'privileged' }),
      false,
    );
    await lazyTabs.loaded(ids[1]!, lazy('javascript:alert(1)'), true);
    await lazyTabs.loaded(ids[2]!, 'https://c.test/', false);
    expect(fake.calls.filter((c) => c.startsWith('tabs.discard') || c.startsWith('tabs.navigate'))).toEqual([]);
  });
});
