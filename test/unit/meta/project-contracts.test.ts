// Meta-tests in the spirit of Refined GitHub's: every locale key used exists, every message of the
// protocol is handled, every permission asked for is used (and explained in the README).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlerAreas, mergeAreas } from '../../../src/background/handlers/index.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';

const root = join(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...files(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

const sources = files('src', /\.(ts|tsx|html)$/).map((p) => ({ path: p, text: read(p) }));
const messages = JSON.parse(read('public/_locales/en/messages.json')) as Record<
  string,
  { message: string; placeholders?: Record<string, unknown> }
>;
const manifest = JSON.parse(read('manifest.json')) as Record<string, unknown> & {
  permissions: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
};

describe('locale strings', () => {
  it('has every key the code asks for', () => {
    const used = new Set<string>();
    for (const { text } of sources) {
      for (const m of text.matchAll(/\b(?:t|liteMessage|getMessage)\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    for (const m of JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in messages)).sort()).toEqual([]);
  });

  it('has every key that core, the store and the worker name for people', () => {
    // { key: 'errX' } and msg('errX'…) / counted(n, 'xOne', 'xOther'): messages rendered by the pages.
    const named = new Set<string>();
    for (const { path, text } of sources) {
      if (path.startsWith('src/ui')) continue;
      for (const m of text.matchAll(/\b(?:key|one):\s*'([A-Za-z0-9_]+)'/g)) named.add(m[1]!);
      for (const m of text.matchAll(
        /\b(?:msg|counted)\(\s*(?:[^,()]+,\s*)?'([A-Za-z0-9_]+)'(?:,\s*'([A-Za-z0-9_]+)')?/g,
      )) {
        named.add(m[1]!);
        if (m[2]) named.add(m[2]);
      }
    }
    // Audit findings, import problems and notes, cookie refusals and restore reasons: ~300 keys.
    expect(named.size).toBeGreaterThan(300);
    expect([...named].filter((k) => !(k in messages)).sort()).toEqual([]);
  });

  it('gives every singular form its plural twin, with the same placeholders', () => {
    // counted() passes the same substitutions to both forms, and "one" may be 21 in another language.
    const declared = (k: string) => Object.keys(messages[k]?.placeholders ?? {}).sort();
    const ones = Object.keys(messages).filter((k) => k.endsWith('One'));
    expect(ones.length).toBeGreaterThan(20);
    const broken = ones.filter((one) => {
      const other = `${one.slice(0, -'One'.length)}Other`;
      return !(other in messages) || JSON.stringify(declared(one)) !== JSON.stringify(declared(other));
    });
    expect(broken).toEqual([]);
    const pairs = sources.flatMap(({ text }) => [
      ...text.matchAll(/\bcounted\(\s*[^,()]+,\s*'([A-Za-z0-9_]+)',\s*'([A-Za-z0-9_]+)'/g),
    ]);
    expect(pairs.length).toBeGreaterThan(20);
    expect(
      pairs.map((m) => [m[1], m[2]]).filter(([one, other]) => `${one}`.replace(/One$/, 'Other') !== other),
    ).toEqual([]);
  });

  it('keeps sentences for people out of core: they are messages there', () => {
    // String literals are read left to right and stand in as WORDS (two English words or more) or
    // TOKEN (markup does not count); then a line may not give WORDS to a finding's or a note's field,
    // to a warning or a note, to an error of ours, or return them.
    const literal = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
    const words = /[A-Za-z]{2,} [A-Za-z]{2,}/;
    const patterns = [
      /\b(?:reason|problem|title|fix|what|how)\s*:\s*WORDS/,
      /\b(?:warnings|notes)\.(?:push|add)\(\s*WORDS/,
      /\bnew (?:ImportError|CookieFormatError|DecryptError|UserError)\([^;]*WORDS/,
      /\breturn\s+WORDS/,
    ];
    const core = sources.filter((s) => s.path.startsWith('src/core/') && s.path.endsWith('.ts'));
    expect(core.length).toBeGreaterThan(40);
    const offenders = core.flatMap(({ path, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ at: `${path}:${i + 1}`, line: line.trim() }))
        .filter(({ line }) => !/^(\/\/|\/\*|\*)/.test(line))
        .filter(({ line }) => {
          const shape = line.replace(literal, (lit) => (words.test(lit.replace(/<[^>]*>/g, '')) ? 'WORDS' : 'TOKEN'));
          return patterns.some((re) => re.test(shape));
        })
        .map(({ at, line }) => `${at} ${line}`),
    );
    expect(offenders).toEqual([]);
  });

  it('uses placeholders that are declared', () => {
    const broken = Object.entries(messages).filter(([, v]) => {
      const named = [...v.message.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]!.toLowerCase());
      return named.some((n) => !v.placeholders || !(n in v.placeholders));
    });
    expect(broken.map(([k]) => k)).toEqual([]);
  });
});

describe('the message protocol', () => {
  it('has a handler for every message and no handler without a message', async () => {
    const declared = new Set<string>();
    for (const p of files('src/shared/messages', /\.ts$/)) {
      for (const m of read(p).matchAll(/^\s*'([a-z]+\.[A-Za-z]+)':\s*\{\s*req:/gm)) declared.add(m[1]!);
    }
    const { handlers } = fakeWorker();
    expect(declared.size).toBeGreaterThan(10);
    // The e2e build's probes are not part of the product's protocol.
    const product = [...declared].filter((t) => !t.startsWith('diagnostics.'));
    expect(Object.keys(handlers).sort()).toEqual(product.sort());
  });

  it('answers each message in one place only: a second handler for a message fails', () => {
    const { ctx } = fakeWorker();
    const areas = handlerAreas(ctx);
    const counts = new Map<string, number>();
    for (const area of areas) for (const type of Object.keys(area)) counts.set(type, (counts.get(type) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    const twice = { 'sessions.list': areas[0]['sessions.list'] };
    expect(() => mergeAreas([...areas, twice])).toThrow(/"sessions\.list" has two handlers/);
  });
});

describe('permissions', () => {
  const platformCode = sources
    .filter((s) => s.path.startsWith('src/platform'))
    .map((s) => s.text)
    .join('\n');
  const allCode = sources.map((s) => s.text).join('\n');
  // What shows that each permission is really used.
  const evidence: Record<string, RegExp> = {
    storage: /storage\.(local|session)/,
    tabs: /tabs\.(query|create|update|get)/,
    tabGroups: /\btabGroups\b/,
    alarms: /alarms\.(create|get)/,
    favicon: /_favicon\//,
    cookies: /(browser|chrome)\.cookies|getAllCookieStores/,
    contextMenus: /contextMenus\?*\.create\(|menus\.create\(/,
    // No API call shows this one: it keeps the sessions database from being evicted under
    // storage pressure. The README says so.
    unlimitedStorage: /unlimitedStorage/,
  };

  it('uses every permission it asks for, from src/platform', () => {
    const asked = [...manifest.permissions, ...(manifest.optional_permissions ?? [])];
    for (const p of asked) {
      expect(evidence[p], `no evidence rule for "${p}"`).toBeDefined();
      const where = p === 'favicon' || p === 'unlimitedStorage' ? allCode + read('manifest.json') : platformCode;
      expect(evidence[p]!.test(where), `"${p}" is asked for but not used`).toBe(true);
    }
  });

  it('explains every permission in the README', () => {
    const readme = read('README.md');
    for (const p of [
      ...manifest.permissions,
      ...(manifest.optional_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ]) {
      expect(readme.includes(`\`${p}\``), `README does not explain "${p}"`).toBe(true);
    }
  });

  it('keeps cookies and host access optional in the store build', () => {
    expect(manifest.permissions).not.toContain('cookies');
    expect(manifest.optional_permissions).toContain('cookies');
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
  });
});

describe('security', () => {
  it('builds no HTML from strings anywhere in src', () => {
    const offenders = sources.filter(
      (s) =>
        /\.(ts|tsx)$/.test(s.path) &&
        /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/.test(s.text),
    );
    expect(offenders.map((s) => relative(root, s.path))).toEqual([]);
  });

  it('has no eval or Function constructor in src', () => {
    expect(sources.filter((s) => /\beval\(|new Function\(/.test(s.text)).map((s) => s.path)).toEqual([]);
  });
});

describe('tests', () => {
  it('mirror the code they prove: the test of src/x/y.ts is test/unit/x/y.test.ts (or y.<aspect>.test.ts)', () => {
    const tests = files('test/unit', /\.test\.tsx?$/).filter((p) => !p.startsWith(join('test/unit/meta')));
    expect(tests.length).toBeGreaterThan(40);
    const orphans = tests.filter((p) => {
      const rel = relative('test/unit', p).replace(/(\.[a-z-]+)?\.test\.tsx?$/, '');
      const candidates = [`src/${rel}.ts`, `src/${rel}.tsx`, `${rel}.ts`];
      return !candidates.some((c) => {
        try {
          return statSync(join(root, c)).isFile();
        } catch {
          return false;
        }
      });
    });
    expect(orphans).toEqual([]);
  });
});
