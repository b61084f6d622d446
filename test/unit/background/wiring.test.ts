// The keyboard shortcuts save as the popup's buttons do: all windows, or the focused one, and
// never an empty session.
import { describe, expect, it } from 'vitest';
import { onCommand } from '../../../src/background/wiring.ts';
import type { Store } from '../../../src/store/store.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';
import { rejectionText } from '../support/english.ts';

const setup = () => fakeWorker({ name: 'shortcuts' });

const saved = (store: Store) => store.sessions.list();

describe('save shortcuts', () => {
  it('"save all windows" saves every window as one session', async () => {
    const { fake, store, ctx } = setup();
    fake.addWindow(['https://a.test/', 'https://b.test/']);
    fake.addWindow(['https://c.test/']);
    await onCommand(ctx, 'save-all-windows');
    const list = await saved(store);
    expect(list).toHaveLength(1);
    expect(list[0]!.counts).toEqual({ windows: 2, tabs: 3 });
  });

  it('"save this window" saves only the focused window', async () => {
    const { fake, store, ctx } = setup();
    fake.addWindow(['https://a.test/']);
    fake.addWindow(['https://b.test/', 'https://b.test/2'], { focused: true });
    await onCommand(ctx, 'save-this-window');
    const list = await saved(store);
    expect(list.map((s) => s.counts)).toEqual([{ windows: 1, tabs: 2 }]);
  });

  it('saves nothing, and says so, when no tab is open', async () => {
    const { store, ctx } = setup();
    expect(await rejectionText(onCommand(ctx, 'save-all-windows'))).toBe('There are no tabs to save.');
    expect(await rejectionText(onCommand(ctx, 'save-this-window'))).toBe('There are no tabs to save.');
    expect(await saved(store)).toEqual([]);
  });
});
