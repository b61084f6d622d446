// Import and export through the settings page, as a person switching from Tab Session Manager does:
// pick the file, read the preview, import, find the sessions in the popup, restore one with its
// groups; bad files are refused with a precise error and store nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImport } from '../../src/core/formats/index.ts';
import {
  allGroups,
  allWindows,
  DIST,
  launch,
  openPopup,
  realUrl,
  removeProfileDir,
  waitFor,
  type Launched,
} from './support/browser.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
let b: Launched;
let settings: Page;
/** The Tabularium export made below, re-imported after an edit. */
let exported = '';
const status = () => settings.locator('#import-export .ie-status');

async function popupNames(count: number): Promise<string[]> {
  const popup = await openPopup(b);
  try {
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(count);
    return await popup.getByRole('listitem').locator('.name').allTextContents();
  } finally {
    await popup.close();
  }
}

beforeAll(async () => {
  // Imported sessions point at real sites: keep the test off the network. The fixture's window
  // was 1288×851: headless Chrome's default 800×600 screen refuses those bounds.
  b = await launch(undefined, [
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    '--screen-info={1920x1080}',
  ]);
  settings = await b.ctx.newPage();
  await settings.goto(b.extUrl('src/ui/options/index.html#import-export'));
  await settings.getByRole('heading', { name: 'Import and export' }).waitFor();
});

afterAll(async () => {
  await b?.ctx.close();
  if (b) removeProfileDir(b.profileDir);
});

describe('import through the settings page', () => {
  it('refuses a truncated file, naming the file and the position, and stores nothing', async () => {
    await settings.getByLabel('Choose files to import').setInputFiles(resolve(FIXTURES, 'bad-import-truncated.json'));
    const alert = settings.locator('#import-export').getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('bad-import-truncated.json');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('line 1, column 68');
    expect(text).toContain('Nothing was stored');
    expect(await settings.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    const n = await b.driver.evaluate(
      async () =>
        (
          (await chrome.runtime.sendMessage({ tabularium: 1, type: 'sessions.list', payload: {} })) as {
            value: { sessions: unknown[] };
          }
        ).value.sessions.length,
    );
    expect(n).toBe(0);
  });

  it('previews a Tab Session Manager export, imports it, and the popup lists its sessions', async () => {
    await settings.getByLabel('Choose files to import').setInputFiles(resolve(FIXTURES, 'tsm-export.json'));
    const counts = settings.getByTestId('ie-counts');
    await expect.poll(() => counts.textContent()).toBe('2 sessions, 3 windows, 8 tabs (Tab Session Manager).');
    // The error of the previous file is gone.
    expect(await settings.locator('#import-export').getByRole('alert').textContent()).toBe('');
    await settings.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => status().textContent()).toContain('Imported 2 sessions');
    expect((await popupNames(2)).sort()).toEqual(['Cookie research', 'Extension APIs']);
  });

  it('restores an imported session with its tab group', async () => {
    const expected = parseImport(
      [{ name: 'tsm.json', text: readFileSync(resolve(FIXTURES, 'tsm-export.json'), 'utf8') }],
      { newId: () => 'x', now: 0 },
    ).sessions.find((s) => s.session.name === 'Extension APIs')!;
    const win = expected.body.windows[0]!;
    const before = new Set((await allWindows(b.driver)).map((w) => w.id));
    const popup = await openPopup(b);
    const item = popup.getByRole('listitem').filter({ hasText: 'Extension APIs' });
    await item.getByRole('button', { name: /^Restore/ }).click();
    await waitFor(
      async () => (await allWindows(b.driver)).some((w) => !before.has(w.id) && w.tabs.length === win.tabs.length),
      'the restored window',
    ).catch(async (err: unknown) => {
      throw new Error(`${String(err)}; popup says: ${(await popup.locator('.status').allTextContents()).join(' ')}`);
    });
    await popup.close();
    // The shown tab's address is '' while its navigation to an unreachable host is under way.
    const urlsOf = async () =>
      (await allWindows(b.driver)).find((w) => !before.has(w.id))!.tabs.map((t) => realUrl(b.extId, t.url));
    await expect.poll(urlsOf, { timeout: 10_000 }).toEqual(win.tabs.map((t) => t.url));
    const restored = (await allWindows(b.driver)).find((w) => !before.has(w.id))!;
    await waitFor(
      async () => (await allGroups(b.driver)).some((g) => g.windowId === restored.id && g.title === 'APIs'),
      'the restored group',
    );
    const groups = (await allGroups(b.driver)).filter((g) => g.windowId === restored.id);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ title: 'APIs', color: 'purple', collapsed: true });
    const grouped = (await allWindows(b.driver))
      .find((w) => w.id === restored.id)!
      .tabs.filter((t) => t.groupId === groups[0]!.id);
    expect(grouped.map((t) => realUrl(b.extId, t.url))).toEqual(
      win.tabs.filter((t) => t.groupIndex === 0).map((t) => t.url),
    );
  });

  it('imports a javascript: URL as not openable and shows an HTML title as text', async () => {
    await settings
      .getByLabel('Choose files to import')
      .setInputFiles(resolve(FIXTURES, 'bad-import-javascript-url.json'));
    const counts = settings.getByTestId('ie-counts');
    await expect.poll(() => counts.textContent()).toBe('1 session, 1 window, 2 tabs (Session Buddy JSON).');
    const section = settings.locator('#import-export');
    expect(await section.textContent()).toContain('1 tab has an address that must not be opened');
    // The title is text on the page, not an element.
    await expect.poll(() => section.locator('.ie-blocked .title').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await section.locator('.ie-blocked code').textContent()).toBe('javascript:alert(document.cookie)');
    expect(await section.locator('.ie-blocked img').count()).toBe(0);
    await settings.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => status().textContent()).toContain('Imported 1 session;');
    expect(await popupNames(3)).toContain('trap');
  });

  it('exports all sessions as a Tabularium file that holds them all', async () => {
    const button = settings.getByRole('button', { name: /^Export \d+ sessions$/ });
    await expect.poll(() => button.textContent()).toBe('Export 3 sessions');
    const download = settings.waitForEvent('download');
    await button.click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    exported = text;
    const back = parseImport([{ name: 'export.json', text }], { newId: () => 'x', now: 0 });
    expect(back.format).toBe('tabularium');
    expect(back.counts).toEqual({ sessions: 3, windows: 4, tabs: 10, notOpenable: 1 });
    await expect
      .poll(() => status().textContent())
      .toMatch(/^Exported 3 sessions to tabularium-\d{4}-\d\d-\d\d\.json\.$/);
  });

  it('asks for the passphrase twice, measures it once typed, and exports with a weak one only by choice', async () => {
    const exportButton = settings.getByRole('button', { name: /^Export \d+ sessions$/ });
    const problem = settings.locator('#ie-export-pass-problem');
    await settings.getByRole('combobox', { name: 'Format' }).selectOption('tabularium');
    expect(await settings.getByRole('textbox', { name: 'Confirm passphrase' }).count()).toBe(0);

    await settings.getByLabel('Passphrase to include cookies (optional)').fill('tabularium1');
    const confirm = settings.getByLabel('Confirm passphrase');
    await expect.poll(() => problem.textContent()).toMatch(/^Type the passphrase again/);
    expect(await exportButton.isDisabled()).toBe(true);
    await confirm.fill('tabularium2');
    await expect
      .poll(() => problem.textContent())
      .toBe('The two passphrases differ. Nothing is exported until they match.');
    expect(await exportButton.isDisabled()).toBe(true);

    await confirm.fill('tabularium1');
    // The strength meter's dictionaries arrive only now, with the first passphrase typed (see below).
    await expect
      .poll(() => settings.locator('.ie-strength').textContent(), { timeout: 10_000 })
      .toMatch(/Very weak|Weak/);
    await expect.poll(() => problem.textContent()).toMatch(/^This passphrase is easy to guess/);
    expect(await exportButton.isDisabled()).toBe(true);
    await settings.getByRole('checkbox', { name: 'Use this weak passphrase anyway' }).check();
    await expect.poll(() => exportButton.isDisabled()).toBe(false);
    expect(await problem.textContent()).toBe('');

    // A strong one needs no tick, and the tick given for the weak one does not carry over.
    const strong = 'quartz lantern orbit mangrove fiddle';
    await settings.getByLabel('Passphrase to include cookies (optional)').fill(strong);
    await confirm.fill(strong);
    await expect.poll(() => settings.locator('.ie-strength').textContent()).toMatch(/Strong|Very strong/);
    expect(await settings.getByRole('checkbox', { name: 'Use this weak passphrase anyway' }).count()).toBe(0);
    await expect.poll(() => exportButton.isDisabled()).toBe(false);
    const download = settings.waitForEvent('download');
    await exportButton.click();
    await download;
    await expect.poll(() => status().textContent()).toMatch(/^Exported 3 sessions to tabularium-/);
  });

  it("keeps the strength meter's dictionaries out of the settings page's first load", () => {
    type Chunk = { file: string; imports?: string[]; dynamicImports?: string[] };
    const manifest = JSON.parse(readFileSync(resolve(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
    const staticKeys = new Set<string>();
    const walk = (key: string): void => {
      if (staticKeys.has(key)) return;
      staticKeys.add(key);
      for (const k of manifest[key]?.imports ?? []) walk(k);
    };
    walk('src/ui/options/index.html');
    expect([...staticKeys].filter((k) => k.includes('zxcvbn'))).toEqual([]);
    const lazy = [...staticKeys].flatMap((k) => manifest[k]?.dynamicImports ?? []).filter((k) => k.includes('zxcvbn'));
    expect(lazy.length).toBe(3);
  });

  it('says an import replaces a stored session and how, and can bring the old version back', async () => {
    // The backup, with one session edited later elsewhere: renamed, one tab fewer.
    const data = JSON.parse(exported) as {
      sessions: { session: { name: string; updatedAt: number }; body: { windows: { tabs: unknown[] }[] } }[];
    };
    const edited = data.sessions.find((s) => s.session.name === 'Cookie research')!;
    edited.session.name = 'Cookie research, revised';
    edited.session.updatedAt += 60_000;
    edited.body.windows.reduce((a, w) => (w.tabs.length > a.tabs.length ? w : a)).tabs.pop();
    const file = join(b.profileDir, 'edited-backup.json');
    writeFileSync(file, JSON.stringify(data));
    await settings.getByLabel('Choose files to import').setInputFiles(file);
    const section = settings.locator('#import-export');
    await expect
      .poll(() => settings.getByTestId('ie-replaces').textContent())
      .toBe(
        '1 of them replaces a stored session with the same id, edited earlier; the stored version goes to the trash.',
      );
    expect(await section.locator('.ie-replaces').allTextContents()).toEqual([
      'replaces the stored “Cookie research”: name “Cookie research” → “Cookie research, revised”; tabs 5 → 4',
    ]);
    await settings.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => status().textContent())
      .toContain('1 stored session was replaced; its old version is in the trash.');
    expect((await popupNames(3)).sort()).toEqual(['Cookie research, revised', 'Extension APIs', 'trap']);
    await settings.getByRole('button', { name: 'Bring back the old versions' }).click();
    await expect.poll(() => status().textContent()).toBe('The old versions are back, beside the imported ones.');
    expect((await popupNames(4)).sort()).toEqual([
      'Cookie research',
      'Cookie research, revised',
      'Extension APIs',
      'trap',
    ]);
  });
});
