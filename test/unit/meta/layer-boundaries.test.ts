// The layer rules are lint rules: this proves they fire. Code outside src/store/ that touches
// IndexedDB, or outside src/platform/ that touches the browser, fails `npm run lint`.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it('refuses IndexedDB outside src/store/: the idb package, the DB handle, a repository, the globals', async () => {
    const found = await problems(
      'src/background/probe.ts',
      [
        "import { openDB } from 'idb';",
        "import { openDatabase } from '../store/db.ts';",
        "import { getMeta } from '../store/meta-repo.ts';",
        'export const x = [openDB, openDatabase, getMeta, IDBKeyRange.only(1), indexedDB];',
      ].join('\n'),
    );
    expect(found.filter((p) => p.includes('Only src/store/ touches IndexedDB'))).toHaveLength(5);
  }, 30_000);

  it('lets the worker use the store through store.ts and errors.ts', async () => {
    const found = await problems(
      'src/background/probe.ts',
      [
        "import { createStore } from '../store/store.ts';",
        "import { StoreError } from '../store/errors.ts';",
        'export const x = [createStore, StoreError];',
      ].join('\n'),
    );
    expect(found).toEqual([]);
  }, 30_000);

  it('refuses the browser outside src/platform/, and IndexedDB inside it', async () => {
    expect(await problems('src/ui/probe.ts', 'export const x = chrome.tabs;')).toEqual([
      expect.stringContaining('Only src/platform/ talks to the browser'),
    ]);
    expect(await problems('src/platform/probe.ts', 'export const x = [chrome.tabs, indexedDB];')).toEqual([
      expect.stringContaining('Only src/store/ touches IndexedDB'),
    ]);
  }, 30_000);

  it('keeps the pages away from the worker and the store', async () => {
    const found = await problems(
      'src/ui/probe.ts',
      "import { createWorker } from '../background/context.ts';\nexport const x = createWorker;",
    );
    expect(found.join('\n')).toMatch(/import\/no-restricted-paths/);
  }, 30_000);
});
