// The inspector with 5,000 cookies: how soon the first rows are on screen, and how long a filter
// keystroke takes to show its result.
//
// Where the 5,000 cookies live: Chrome keeps at most ~180 cookies per registrable domain (probed
// here: 300 on .example.test kept 176, and 1,000 more on ten subdomains of example.test left 153
// in all — subdomains share the site's budget), so 5,000 unpartitioned cookies cannot apply to one
// page. Partitioned cookies (CHIPS) get a budget per partition, so the set is 5,000 real cookies
// of `app.example.test` spread over 50 partitions (top-level sites t0.test … t49.test, 100 each),
// plus nothing unpartitioned. Every one of them applies to the inspected URL and goes through the
// whole path: worker getAll, audit of each cookie, the message to the page, sorting, rendering.
import type { Launched } from '../test/e2e/support/browser.ts';
import type { TestServer } from '../test/e2e/support/server.ts';

const COUNT = 5000;
const PARTITIONS = 50;
const PAGE_URL = 'https://app.example.test/';
const FIRST_ROWS_MARK = 'tabularium:inspector-first-rows';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export async function setCookies(b: Pick<Launched, 'driver'>): Promise<number> {
  return b.driver.evaluate(
    async ({ count, partitions }) => {
      const perPartition = count / partitions;
      const exp = Math.floor(Date.now() / 1000) + 30 * 86400;
      const jobs: Promise<unknown>[] = [];
      for (let p = 0; p < partitions; p++) {
        for (let i = 0; i < perPartition; i++) {
          // Varied names and values: a few look like session ids, the rest like preferences.
          const value = i % 10 === 0 ? crypto.randomUUID().replace(/-/g, '') : `v${p}-${i}`;
          jobs.push(
            chrome.cookies.set({
              url: 'https://app.example.test/',
              name: i % 10 === 0 ? `sess_${p}_${i}` : `pref_${p}_${i}`,
              value,
              secure: true,
              sameSite: 'no_restriction',
              expirationDate: exp,
              partitionKey: { topLevelSite: `https://t${p}.test` },
            } as chrome.cookies.SetDetails),
          );
        }
        await Promise.all(jobs.splice(0));
      }
      return (await chrome.cookies.getAll({ domain: 'example.test', partitionKey: {} } as chrome.cookies.GetAllDetails))
        .length;
    },
    { count: COUNT, partitions: PARTITIONS },
  );
}

async function clearCookies(b: Launched): Promise<void> {
  await b.driver.evaluate(async () => {
    const all = await chrome.cookies.getAll({
      domain: 'example.test',
      partitionKey: {},
    } as chrome.cookies.GetAllDetails);
    await Promise.all(
      all.map((c) =>
        chrome.cookies.remove({
          url: `https://${c.domain.replace(/^\./, '')}${c.path}`,
          name: c.name,
          ...(c.partitionKey ? { partitionKey: c.partitionKey } : {}),
        } as chrome.cookies.CookieDetails),
      ),
    );
  });
}

export async function benchInspector(
  b: Launched,
  _server: TestServer,
  row: (metric: string, value: number, unit: string, target: number) => void,
): Promise<void> {
  const kept = await setCookies(b);
  try {
    const firsts: number[] = [];
    const keys: number[] = [];
    for (let run = 0; run < 5; run++) {
      const page = await b.ctx.newPage();
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(b.extUrl(`src/ui/inspector/index.html?url=${encodeURIComponent(PAGE_URL)}`));
      // From navigation start to the frame that shows the first rows.
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, FIRST_ROWS_MARK, {
        timeout: 60_000,
      });
      firsts.push(await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, FIRST_ROWS_MARK));
      const rowsInDom = await page.locator('tbody tr:not(.spacer)').count();
      if (rowsInDom > 100) throw new Error(`the table is not windowed: ${rowsInDom} rows in the DOM`);

      // Let the deferred audit land first: keystrokes are measured on the finished page.
      await page.waitForTimeout(1500);
      // Each keystroke: from the input event to the next frame after Preact's render (it renders
      // in a microtask after the state change, so one macrotask later the DOM is updated).
      for (const text of ['s', 'se', 'ses', 'sess', 'sess_', 'sess_1', 'sess_12', 'sess_1', 'sess_', 'p', 'pr', '']) {
        keys.push(
          await page.evaluate(async (value) => {
            const input = document.querySelector<HTMLInputElement>('input[aria-label="Filter cookies"]')!;
            const t0 = performance.now();
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await new Promise((r) => setTimeout(r, 0));
            await new Promise((r) => requestAnimationFrame(() => r(undefined)));
            return performance.now() - t0;
          }, text),
        );
      }
      const shown = await page.locator('.count').innerText();
      // Unfiltered, the count is the total alone ("5,000 cookies").
      if (!shown.startsWith(`${kept.toLocaleString('en')} cookies`) && !shown.startsWith(`${kept} cookies`))
        throw new Error(`filter did not reset: ${shown}`);
      await page.close();
      // All extension pages share one renderer: let it tear the last one down (5,000 rows, their
      // audit) before the next opening is timed, as for a person who opens the inspector once.
      await new Promise((r) => setTimeout(r, 2000));
    }
    row(
      `Inspector with ${kept.toLocaleString('en')} cookies: first rows on screen (median of 5)`,
      median(firsts),
      'ms',
      200,
    );
    row(`Inspector with ${kept.toLocaleString('en')} cookies: filter keystroke (median)`, median(keys), 'ms', 50);
  } finally {
    await clearCookies(b);
  }
}
