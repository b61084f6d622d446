// `npm start`: after the build, opens Chromium with the extension in a throwaway profile.
// Where no browser or no display is found, says so and how to load dist/ by hand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dist = resolve('dist');
const byHand =
  'Load it by hand: open chrome://extensions, turn on Developer mode, click "Load unpacked" and pick ' + dist;

function findBrowser() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

if (!existsSync(join(dist, 'manifest.json'))) {
  console.error('dist/ has no build: run `npm run build` first.');
  process.exit(1);
}
const browser = findBrowser();
if (!browser) {
  console.log(`No Chromium or Chrome found (set CHROME_PATH, or install one: apt-get install -y chromium).\n${byHand}`);
  process.exit(0);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`No display to show a browser window on (DISPLAY is not set).\n${byHand}`);
  process.exit(0);
}
const profile = mkdtempSync(join(tmpdir(), 'tabularium-profile-'));
console.log(`Starting ${browser} with Tabularium in a throwaway profile (${profile}).`);
const child = spawn(
  browser,
  [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-first-run',
    '--no-default-browser-check',
    'chrome://extensions',
  ],
  { stdio: 'inherit' },
);
child.on('exit', (code) => process.exit(code ?? 0));
