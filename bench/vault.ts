// Cookie vault lock figures: unlocking (the passphrase through PBKDF2-SHA256 600,000, the secret
// unwrapped, the value and name keys derived) must take ≤ 300 ms; timed inside the worker by the
// router's handler timing and as a page waits for it. Turning the lock on with kept cookies
// (every one sealed again under the vault's keys) is informational.
import type { Launched } from '../test/e2e/support/browser.ts';
import { waitFor } from '../test/e2e/support/browser.ts';
import { timedCall } from './timed-call.ts';

const RUNS = 7;
const SITES = 2;
const PER_SITE = 100;
const PASS = 'a bench passphrase, long enough';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const timed = timedCall;

async function handlerMs(b: Launched, type: string): Promise<number> {
  const { value } = await timed<{ handlerMs: Record<string, number> }>(b, 'diagnostics.tracker');
  return value.handlerMs[type] ?? NaN;
}

export async function benchVault(
  b: Launched,
  row: (metric: string, value: number, unit: string, target: number) => void,
): Promise<void> {
  let window: number | undefined;
  try {
    // 200 session cookies on two open sites, kept.
    await b.driver.evaluate(
      async ({ sites, perSite }) => {
        const jobs: Promise<unknown>[] = [];
        for (let s = 0; s < sites; s++)
          for (let i = 0; i < perSite; i++)
            jobs.push(
              chrome.cookies.set({
                url: `https://app.v${s}.test/`,
                name: `sess_${s}_${i}`,
                value: crypto.randomUUID().replace(/-/g, ''),
                secure: true,
                httpOnly: true,
              }),
            );
        await Promise.all(jobs);
      },
      { sites: SITES, perSite: PER_SITE },
    );
    window = await b.driver.evaluate(
      async (u) => (await chrome.windows.create({ url: u, focused: false }))!.id!,
      Array.from({ length: SITES }, (_, s) => `https://app.v${s}.test/`),
    );
    await timed(b, 'keeping.set', { keep: true });
    await waitFor(
      async () => (await timed<{ cookies: number }>(b, 'diagnostics.captureCookies', {})).value.cookies >= 200,
      '200 cookies kept',
      30_000,
    );

    await timed(b, 'vault.turnOn', { passphrase: PASS });
    row(
      `  turn the vault lock on with ${SITES * PER_SITE} kept cookies (derive, seal them again)`,
      await handlerMs(b, 'vault.turnOn'),
      'ms',
      Infinity,
    );

    const worker: number[] = [];
    const page: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await timed(b, 'vault.lock');
      const { ms, value } = await timed<{ state: string }>(b, 'vault.unlock', { passphrase: PASS });
      if (value.state !== 'unlocked') throw new Error(`unlock left the vault ${value.state}`);
      page.push(ms);
      worker.push(await handlerMs(b, 'vault.unlock'));
    }
    row('unlock cookies (PBKDF2-SHA256 600,000, unwrap, derive; worker, median of 7)', median(worker), 'ms', 300);
    row('  same, as the popup waits for it (round trip)', median(page), 'ms', 300);
  } finally {
    await timed(b, 'vault.turnOff', { passphrase: PASS }).catch(() => undefined);
    await timed(b, 'keeping.set', { keep: false }).catch(() => undefined);
    if (window !== undefined)
      await b.driver.evaluate(async (id) => chrome.windows.remove(id), window).catch(() => undefined);
  }
}
