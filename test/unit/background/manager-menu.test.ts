// The toolbar button's context menu offers "All sessions", which opens the manager page.
import { describe, expect, it } from 'vitest';
import { wireWorker } from '../../../src/background/wiring.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the toolbar menu item "All sessions"', () => {
  it('is added when the extension is installed, and opens the manager in the focused window', async () => {
    const { fake, ctx } = fakeWorker({ name: 'menu' });
    const w = fake.addWindow(['https://a.test/'], { focused: true });
    wireWorker(ctx, () => Promise.resolve(undefined) as never);
    fake.handlers!.installed();
    await settle();
    expect(fake.actionMenu).toEqual(new Map([['open-manager', 'menuAllSessions']]));

    fake.handlers!.menuClicked('something-else');
    await settle();
    expect(w.tabs).toHaveLength(1);
    fake.handlers!.menuClicked('open-manager');
    await settle();
    expect(w.tabs.map((t) => t.url)).toEqual([
      'https://a.test/',
      'chrome-extension://fakeid/src/ui/manager/index.html',
    ]);
  });
});
