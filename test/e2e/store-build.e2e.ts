// The store build ships no test or bench hook: no probe messages, no handler timing, no bench
// marks, no e2e bridge, no cookie re-encryption on demand. They exist in the e2e build only
// (__TABULARIUM_E2E__), and this builds the store variant for Chrome and Firefox and reads it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const HOOKS = [
  'diagnostics.tracker',
  'diagnostics.captureCookies',
  'diagnostics.failWrites',
  'diagnostics.recoveryCopies',
  'diagnostics.momentAgain',
  'handlerMs',
  'performance.mark',
  'performance.measure',
  'tabularium:inspector-first-rows',
  'tabularium:manager-first-rows',
  'tabularium:first-items',
  'tabularium:search-results',
  'tabularium:import',
  'tabularium:export',
  'tabularium-e2e',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const built = new Map<string, string>();

function build(target: 'chrome' | 'firefox', e2e: boolean): string {
  const key = `${target}-${e2e}`;
  if (built.has(key)) return built.get(key)!;
  const out = mkdtempSync(join(tmpdir(), `tabularium-${target}-`));
  dirs.push(out);
  const env = { ...process.env, TABULARIUM_TARGET: target, TABULARIUM_E2E: e2e ? '1' : '' };
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--logLevel', 'error'], { cwd: root, env, stdio: 'pipe' });
  built.set(key, out);
  return out;
}

function hooksIn(out: string): string[] {
  const code = filesUnder(out)
    .filter((f) => /\.(js|json|html)$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  return HOOKS.filter((h) => code.includes(h));
}

describe('the store build', () => {
  it('for Chrome and Firefox contains no test or bench hook', () => {
    expect(hooksIn(build('chrome', false))).toEqual([]);
    expect(hooksIn(build('firefox', false))).toEqual([]);
  });

  it('differs from the e2e build, which has them (so the check above can fail)', () => {
    const found = hooksIn(build('chrome', true));
    expect(found).toEqual(expect.arrayContaining(['diagnostics.tracker', 'handlerMs', 'tabularium:search-results']));
  });
});

interface Chunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The built files an entry loads before it runs, itself first, from Vite's manifest. */
function staticGraph(out: string, entry: string): Chunk[] {
  const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const seen = new Map<string, Chunk>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || seen.has(c.file)) return;
    seen.set(c.file, c);
    c.imports?.forEach(visit);
  };
  visit(entry);
  return [...seen.values()];
}

const PAGES = ['popup', 'manager', 'inspector', 'options', 'devtools'];

describe('how the store build is split into files', () => {
  it.each([
    ['store', false],
    ['e2e', true],
  ])('the service worker of the %s build loads no page code: neither Preact nor the pages’ shared parts', (_, e2e) => {
    const names = staticGraph(build('chrome', e2e), 'src/background/index.ts').map((c) => c.name);
    expect(names).toContain('common');
    expect(names).not.toContain('preact');
    expect(names).not.toContain('page-base');
  });

  // Each file a page waits for costs a round trip when it is found only by parsing the one before
  // it: the popup went from 113 to 77 ms to its first rows (floor 55–57 ms) once its 17 files became
  // 8, all named in the page for loading at once (vite.config.ts, codeSplitting and modulePreload).
  it.each(PAGES)('the %s page names every script it needs in its HTML, and needs at most 9', (page) => {
    const out = build('chrome', false);
    const html = readFileSync(join(out, `src/ui/${page}/index.html`), 'utf8');
    const files = staticGraph(out, `src/ui/${page}/index.html`).map((c) => c.file);
    expect(files.length).toBeLessThanOrEqual(9);
    for (const f of files) expect(html, `${f} in ${page}'s HTML`).toContain(`/${f}`);
  });
});
