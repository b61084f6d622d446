// The keyboard shortcuts save as the popup's buttons do: all windows, or the focused one, and
// never an empty session.
import { describe, expect, it } from 'vitest';
import { onCommand } from '../../../src/background/app.ts';
import type { Deps } from '../../../src/background/deps.ts';
import * as repo from '../../../src/store/sessions-repo.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';
import { rejectionText } from '../support/english.ts';

const setup = () => fakeWorker('shortcuts');

const saved = async (deps: Deps) => repo.listSessions(await deps.db());

describe('save shortcuts', () => {
  it('"save all windows" saves every window as one session', async () => {
    const { fake, deps, services } = setup();
    fake.addWindow(['https://a.test/', 'https://b.test/']);
    fake.addWindow(['https://c.test/']);
    await onCommand(services, 'save-all-windows');
    const list = await saved(deps);
    expect(list).toHaveLength(1);
    expect(list[0]!.counts).toEqual({ windows: 2, tabs: 3 });
  });

  it('"save this window" saves only the focused window', async () => {
    const { fake, deps, services } = setup();
    fake.addWindow(['https://a.test/']);
    fake.addWindow(['https://b.test/', 'https://b.test/2'], { focused: true });
    await onCommand(services, 'save-this-window');
    const list = await saved(deps);
    expect(list.map((s) => s.counts)).toEqual([{ windows: 1, tabs: 2 }]);
  });

  it('saves nothing, and says so, when no tab is open', async () => {
    const { deps, services } = setup();
    expect(await rejectionText(onCommand(services, 'save-all-windows'))).toBe('There are no tabs to save.');
    expect(await rejectionText(onCommand(services, 'save-this-window'))).toBe('There are no tabs to save.');
    expect(await saved(deps)).toEqual([]);
  });
});
