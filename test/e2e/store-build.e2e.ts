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

function build(target: 'chrome' | 'firefox', e2e: boolean): string {
  const out = mkdtempSync(join(tmpdir(), `tabularium-${target}-`));
  dirs.push(out);
  const env = { ...process.env, TABULARIUM_TARGET: target, TABULARIUM_E2E: e2e ? '1' : '' };
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--logLevel', 'error'], { cwd: root, env, stdio: 'pipe' });
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
