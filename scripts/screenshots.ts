// Makes the README's screenshots from the e2e build (`npm run screenshots`): the popup, the
// full-page manager and the cookie inspector, each in the light and the dark theme, into
// docs/screenshots/. The sessions and cookies are made up here, so the pictures show no one's data.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, newProfileDir, removeProfileDir, waitFor, type Launched } from '../test/e2e/support/browser.ts';
import { httpsBrowserArgs, setCookiesRoute, startHttpsServer } from '../test/e2e/support/https-server.ts';
import { seedSession, type SeedTab } from '../test/e2e/support/seed-session.ts';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const THEMES = ['light', 'dark'] as const;

const SITES: Record<string, string[]> = {
  'github.com': ['Pull requests', 'tabularium/src', 'Issues · tabularium', 'Actions'],
  'developer.mozilla.org': ['IndexedDB API', 'WebCrypto: SubtleCrypto', 'tabs.query()'],
  'developer.chrome.com': ['chrome.tabs', 'chrome.cookies', 'Service worker lifecycle'],
  'mail.example.org': ['Inbox (3)', 'Drafts'],
  'news.ycombinator.com': ['Hacker News', 'Show HN: a session manager'],
  'en.wikipedia.org': ['Tabula rasa', 'Tabularium - Wikipedia', 'Roman archives'],
  'docs.example.org': ['Quarterly plan', 'Meeting notes'],
};

function tabsOf(hosts: string[], per: number): SeedTab[] {
  return hosts.flatMap((host) =>
    (SITES[host] ?? []).slice(0, per).map((title, i) => ({
      url: `https://${host}/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      title,
      active: i === 0,
    })),
  );
}

async function seed(b: Launched): Promise<void> {
  const plans: [string, string[], number][] = [
    ['Release week', ['github.com', 'developer.chrome.com', 'mail.example.org'], 4],
    ['', ['developer.mozilla.org', 'developer.chrome.com'], 3],
    ['Reading list', ['en.wikipedia.org', 'news.ycombinator.com'], 3],
    ['Planning', ['docs.example.org', 'mail.example.org'], 2],
    ['', ['github.com'], 4],
    ['Research: storage', ['developer.mozilla.org', 'en.wikipedia.org'], 2],
    ['', ['news.ycombinator.com', 'github.com', 'docs.example.org'], 2],
    ['Mail and docs', ['mail.example.org', 'docs.example.org'], 2],
    ['Chrome APIs', ['developer.chrome.com'], 3],
    ['', ['en.wikipedia.org'], 3],
  ];
  for (const [i, [name, hosts, per]] of plans.entries()) {
    await seedSession(b.driver, `shot-${i}`, name, tabsOf(hosts, per));
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    // Two frames: the theme's variables apply on the next style pass.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(OUT, `${name}-${theme}.png`) });
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startHttpsServer([
    setCookiesRoute('/', [
      'sid=4f9c2a7e1b8d4c6a9e3f5b7d2c1a0e8f; Path=/; Secure; HttpOnly; SameSite=Lax',
      'csrftoken=Zm9vYmFyYmF6cXV4; Path=/; SameSite=Strict',
      'theme=dark; Path=/; Max-Age=31536000',
      'tracking_id=GA1.2.123456789.1700000000; Path=/; Max-Age=63072000; SameSite=None; Secure',
      '__Host-session=a8b7c6d5e4f3a2b1; Path=/; Secure; HttpOnly; SameSite=Strict',
      'lang=en; Path=/',
    ]),
  ]);
  const profile = newProfileDir();
  const b = await launch(profile, httpsBrowserArgs);
  try {
    await seed(b);

    const popup = await b.ctx.newPage();
    await popup.setViewportSize({ width: 420, height: 560 });
    await popup.goto(b.extUrl('src/ui/popup/index.html'));
    // The first-run card is for the first opening; the picture shows the list people come back to.
    await popup.getByRole('button', { name: 'Got it' }).click();
    await waitFor(async () => (await popup.getByRole('listitem').count()) >= 9, 'the popup to list the sessions');
    await shoot(popup, 'popup');

    const manager = await b.ctx.newPage();
    await manager.setViewportSize({ width: 1280, height: 800 });
    await manager.goto(b.extUrl('src/ui/manager/index.html'));
    await manager.getByText('Release week').first().click();
    await waitFor(async () => (await manager.getByRole('checkbox').count()) > 3, 'the manager to show tabs');
    await shoot(manager, 'manager');

    const site = server.url('app.example.test', '/');
    const tab = await b.ctx.newPage();
    await tab.goto(site);
    const inspector = await b.ctx.newPage();
    await inspector.setViewportSize({ width: 1280, height: 800 });
    await inspector.goto(b.extUrl(`src/ui/inspector/index.html?url=${encodeURIComponent(site)}`));
    await inspector.getByRole('columnheader', { name: 'Name' }).waitFor();
    await waitFor(async () => (await inspector.getByRole('row').count()) > 5, 'the inspector to list the cookies');
    await shoot(inspector, 'inspector');
  } finally {
    await b.ctx.close();
    await server.close();
    removeProfileDir(profile);
  }
  console.log(`screenshots in ${OUT}`);
}

await main();
