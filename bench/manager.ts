// The full-page manager with 1,000 saved sessions of 50 tabs (50,000 tabs), plus one of 1,000 tabs:
// when the first rows are on screen, and how long checking all 1,000 tabs of a session (Ctrl+A)
// takes to show "1,000 selected".
import type { Launched } from '../test/e2e/support/browser.ts';
import { seedSession } from '../test/e2e/support/seed-session.ts';
import { seedInPage, SESSIONS, TABS } from './popup.ts';

type RowFn = (metric: string, value: number, unit: string, target: number) => void;

const BIG = 1000;
const FIRST_ROWS = 'tabularium:manager-first-rows';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchManager(b: Launched, row: RowFn): Promise<void> {
  await b.driver.evaluate('globalThis.__name = (f) => f');
  await b.driver.evaluate(seedInPage, { n: SESSIONS, tabs: TABS });
  const big = Array.from({ length: BIG }, (_, i) => ({
    url: `https://big${i % 97}.example.com/page-${i}`,
    title: `Big tab ${i}`,
  }));
  await seedSession(b.driver, 'bench-big', 'Big session', big);

  const url = b.extUrl('src/ui/manager/index.html');
  const firsts: number[] = [];
  let page;
  for (let i = 0; i < 5; i++) {
    page = await b.ctx.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, FIRST_ROWS, { timeout: 10_000 });
    firsts.push(await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, FIRST_ROWS));
    if (i < 4) await page.close();
  }
  row(
    `manager with ${SESSIONS} sessions × ${TABS} tabs: first rows on screen (median of 5, from navigation start)`,
    median(firsts),
    'ms',
    150,
  );

  const p = page!;
  await p.getByRole('button', { name: /^Big session/ }).click();
  await p.getByRole('checkbox', { name: 'Big tab 0' }).focus();
  const times: { dom: number; frame: number }[] = [];
  for (let i = 0; i < 9; i++) {
    // Ctrl+A checks all 1,000, the next one unchecks them: only the checking ones are timed.
    const t = await p.evaluate(
      async (want) => {
        const row = document.querySelector<HTMLElement>('.tabs [role=checkbox]')!;
        const count = document.querySelector('.selection-bar .count')!;
        const shown = new Promise<number>((resolve) => {
          const mo = new MutationObserver(() => {
            if (count.textContent === want) {
              mo.disconnect();
              resolve(performance.now());
            }
          });
          mo.observe(count, { childList: true, characterData: true, subtree: true });
        });
        const t0 = performance.now();
        row.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, cancelable: true }));
        const dom = (await shown) - t0;
        // The next frame: the text painted.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const frame = performance.now() - t0;
        row.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, cancelable: true }));
        await new Promise((r) => setTimeout(r, 50));
        return { dom, frame };
      },
      `${BIG.toLocaleString('en')} selected`,
    );
    times.push(t);
  }
  row(
    `check all ${BIG} tabs of a session (Ctrl+A) until "${BIG.toLocaleString('en')} selected" shows (median of 9)`,
    median(times.map((x) => x.dom)),
    'ms',
    50,
  );
  row('  same, to the next frame', median(times.map((x) => x.frame)), 'ms', Infinity);
  await p.close();
}
