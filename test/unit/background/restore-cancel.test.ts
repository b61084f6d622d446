// A restore of hundreds of tabs can be cancelled: what was not asked for yet is not opened, the
// tabs already open stay in their saved order, and the report says it was cancelled.
import { describe, expect, it } from 'vitest';
import { executeRestore } from '../../../src/background/restore-executor.ts';
import { planRestore } from '../../../src/core/restore-plan.ts';
import type { WindowRecord } from '../../../src/core/model.ts';
import { FakeBrowser } from '../fakes/fake-platform.ts';

function bigWindow(n: number): WindowRecord {
  return {
    type: 'normal', state: 'normal', incognito: false, focused: true, groups: [],
    tabs: Array.from({ length: n }, (_, i) => ({ url: `https://site.test/${i}`, title: `Tab ${i}`, ...(i === 0 ? { active: true } : {}) })),
  } as WindowRecord;
}

describe('cancelling a restore', () => {
  it('stops opening tabs once cancelled and keeps the opened ones in order', async () => {
    const fake = new FakeBrowser();
    const plan = planRestore([bigWindow(600)], { kind: 'new-windows' }, { lazy: false, allowData: true, allowFile: true });
    const controller = new AbortController();
    const seen: number[] = [];
    const report = await executeRestore(fake.platform(), plan, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        if (p.done >= 150) controller.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    const urls = fake.windows[0]!.tabs.map((t) => t.url);
    // At most one window of in-flight creations after the cancel.
    expect(urls.length).toBeGreaterThanOrEqual(150);
    expect(urls.length).toBeLessThan(600);
    expect(urls).toEqual(urls.map((_, i) => `https://site.test/${i}`));
    expect(report.tabs).toBe(urls.length);
    expect(seen.at(-1)).toBeLessThan(600);
  });

  it('without a cancel opens every tab and reports progress up to the total', async () => {
    const fake = new FakeBrowser();
    const plan = planRestore([bigWindow(250)], { kind: 'new-windows' }, { lazy: false, allowData: true, allowFile: true });
    const seen: number[] = [];
    const report = await executeRestore(fake.platform(), plan, { onProgress: (p) => seen.push(p.done) });
    expect(report).toMatchObject({ cancelled: false, tabs: 250, failed: [] });
    expect(fake.windows[0]!.tabs.map((t) => t.url)).toEqual(Array.from({ length: 250 }, (_, i) => `https://site.test/${i}`));
    expect(seen.at(-1)).toBe(250);
  });
});
