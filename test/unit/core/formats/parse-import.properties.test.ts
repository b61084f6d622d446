// Property-based tests: random sessions survive the exports, and no input makes parseImport throw
// anything but an ImportError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportSessions, ImportError, parseImport } from '../../../../src/core/formats/index.ts';
import { findJsonError } from '../../../../src/core/formats/json-text.ts';
import {
  countTabs,
  GROUP_COLORS,
  type GroupRecord,
  type SessionWithBody,
  type TabRecord,
  type WindowRecord,
} from '../../../../src/core/model.ts';
import { english } from '../../support/english.ts';
import { fixture, idOptions, NOW, urlsAndTitles, urlsOnly } from '../../support/format-helpers.ts';

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const epoch = fc.tuple(fc.nat({ max: 4_000_000 }), fc.nat({ max: 999_999 })).map(([a, b]) => a * 1_000_000 + b);
const urlLike = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'javascript:alert(document.cookie)',
    'chrome://settings/',
    'about:blank',
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
  ),
  anyText,
);

function tabArb(groups: number, url: fc.Arbitrary<string>, title: fc.Arbitrary<string>): fc.Arbitrary<TabRecord> {
  return fc
    .record(
      {
        url,
        title,
        favIconUrl: fc.webUrl(),
        pinned: fc.constant(true as const),
        active: fc.constant(true as const),
        groupIndex: groups > 0 ? fc.nat({ max: groups - 1 }) : fc.constant(undefined),
        muted: fc.constant(true as const),
        lastAccessed: epoch,
        cookieStoreId: fc.string({ minLength: 1, maxLength: 20 }),
      },
      { requiredKeys: ['url', 'title'] },
    )
    .map((t) => {
      // requiredKeys leaves groupIndex present-but-undefined when there are no groups; drop it.
      const r = { ...t };
      if (r.groupIndex === undefined) delete r.groupIndex;
      return r as TabRecord;
    });
}

const groupArb: fc.Arbitrary<GroupRecord> = fc.record({
  title: anyText,
  color: fc.constantFrom(...GROUP_COLORS),
  collapsed: fc.boolean(),
});

function windowArb(url: fc.Arbitrary<string>, title: fc.Arbitrary<string>, minTabs = 0): fc.Arbitrary<WindowRecord> {
  return fc.array(groupArb, { maxLength: 3 }).chain((groups) =>
    fc.record(
      {
        type: fc.constantFrom('normal' as const, 'popup' as const),
        state: fc.constantFrom('normal' as const, 'minimized' as const, 'maximized' as const, 'fullscreen' as const),
        bounds: fc.record({ left: fc.integer(), top: fc.integer(), width: fc.nat(), height: fc.nat() }),
        incognito: fc.boolean(),
        focused: fc.boolean(),
        tabs: fc.array(tabArb(groups.length, url, title), { minLength: minTabs, maxLength: 6 }),
        groups: fc.constant(groups),
      },
      { requiredKeys: ['type', 'state', 'incognito', 'focused', 'tabs', 'groups'] },
    ),
  );
}

function sessionArb(
  url: fc.Arbitrary<string>,
  title: fc.Arbitrary<string>,
  name: fc.Arbitrary<string>,
  minTabs = 0,
): fc.Arbitrary<SessionWithBody> {
  return fc
    .record(
      {
        id: fc.string({ minLength: 1, maxLength: 30 }),
        name,
        kind: fc.constantFrom(
          'manual' as const,
          'autosave' as const,
          'window-closed' as const,
          'recovered' as const,
          'imported' as const,
        ),
        createdAt: epoch,
        updatedAt: epoch,
        tags: fc.array(anyText, { maxLength: 4 }),
        cookieJarId: fc.string({ minLength: 1, maxLength: 30 }),
        sourceId: fc.string({ minLength: 1, maxLength: 30 }),
        windows: fc.array(windowArb(url, title, minTabs), { minLength: minTabs ? 1 : 0, maxLength: 3 }),
      },
      { requiredKeys: ['id', 'name', 'kind', 'createdAt', 'updatedAt', 'tags', 'windows'] },
    )
    .map(({ windows, ...s }) => ({ session: { ...s, counts: countTabs(windows) }, body: { id: s.id, windows } }));
}

const sessionsArb = (url: fc.Arbitrary<string>, title: fc.Arbitrary<string>, name: fc.Arbitrary<string>, minTabs = 0) =>
  fc.uniqueArray(sessionArb(url, title, name, minTabs), {
    minLength: minTabs ? 1 : 0,
    maxLength: 4,
    selector: (s) => s.session.id,
  });

function onlyImportErrors(files: { name: string; text: string }[]): void {
  try {
    parseImport(files, idOptions());
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    const file = typeof e.file === 'object' ? english(e.file) : String(e.file);
    expect(english(e.userMessage)).toContain(`Could not import ${file}`);
    // Every schema complaint is one of ours, never valibot's own English.
    expect(e.problem.key).not.toBe('schemaInvalid');
  }
}

describe('round trips', () => {
  it('random sessions round-trip exactly through Tabularium JSON', () => {
    fc.assert(
      fc.property(sessionsArb(urlLike, anyText, anyText), (items) => {
        const p = parseImport(
          [{ name: 'b.json', text: exportSessions(items, 'tabularium', { now: NOW }) }],
          idOptions(),
        );
        expect(p.format).toBe('tabularium');
        expect(p.sessions).toEqual(items);
      }),
      { numRuns: 200 },
    );
  });

  // Line-based formats cannot hold line breaks, and they trim URLs; everything else survives.
  const lineTitle = fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' '));
  const webUrl = fc.webUrl({ withQueryParameters: true, withFragments: true });
  const name = lineTitle.filter((s) => s.trim() !== '' && s.trim() === s);

  it('HTML keeps names, windows, URLs and titles (even hostile or multi-line ones)', () => {
    fc.assert(
      fc.property(
        sessionsArb(
          fc.oneof(
            webUrl,
            urlLike.filter((u) => u.trim() === u && u !== ''),
          ),
          anyText,
          name,
          1,
        ),
        (items) => {
          const p = parseImport([{ name: 'x.html', text: exportSessions(items, 'html', { now: NOW }) }], idOptions());
          expect(p.sessions.map((s) => s.session.name)).toEqual(items.map((s) => s.session.name));
          expect(urlsAndTitles(p.sessions)).toEqual(urlsAndTitles(items.map(nonEmptyWindows)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('Markdown keeps names, windows, URLs and titles', () => {
    fc.assert(
      fc.property(
        sessionsArb(
          fc.oneof(webUrl, fc.constantFrom('javascript:alert(`x`)', 'chrome://settings/')),
          lineTitle,
          name,
          1,
        ),
        (items) => {
          const p = parseImport([{ name: 'x.md', text: exportSessions(items, 'markdown', { now: NOW }) }], idOptions());
          expect(p.sessions.map((s) => s.session.name)).toEqual(items.map((s) => s.session.name));
          expect(urlsAndTitles(p.sessions)).toEqual(urlsAndTitles(items.map(nonEmptyWindows)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('OneTab keeps windows, URLs and titles; plain text keeps windows and URLs', () => {
    fc.assert(
      fc.property(sessionsArb(webUrl, lineTitle, name, 1), (items) => {
        const one = parseImport([{ name: 'o.txt', text: exportSessions(items, 'onetab', { now: NOW }) }], idOptions());
        expect(urlsAndTitles(one.sessions)).toEqual(urlsAndTitles(items.map(nonEmptyWindows)));
        const text = parseImport([{ name: 't.txt', text: exportSessions(items, 'text', { now: NOW }) }], idOptions());
        expect(urlsOnly(text.sessions)).toEqual(urlsOnly(items.map(nonEmptyWindows)));
      }),
      { numRuns: 150 },
    );
  });
});

/** Empty windows have no representation in the readable formats. */
function nonEmptyWindows(s: SessionWithBody): SessionWithBody {
  return { ...s, body: { ...s.body, windows: s.body.windows.filter((w) => w.tabs.length > 0) } };
}

describe('garbage in, ImportError out', () => {
  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => onlyImportErrors([{ name: 'g', text }])),
      { numRuns: 500 },
    );
  });

  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        onlyImportErrors([{ name: 'g.json', text: JSON.stringify(value) ?? 'null' }]),
      ),
      { numRuns: 500 },
    );
  });

  it('random lines of URLs, titles, separators and markup', () => {
    const piece = fc.oneof(
      fc.webUrl(),
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '',
        ' | ',
        '# ',
        '## ',
        '- [',
        '](',
        ')',
        '`',
        '<a href="',
        '">',
        '</a>',
        ',',
        '"',
        '<!doctype html>',
      ),
    );
    const line = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) =>
        onlyImportErrors([{ name: 'g.txt', text: lines.join('\n') }]),
      ),
      { numRuns: 500 },
    );
  });

  it('valid files with one value replaced by something random', () => {
    const bases = [
      JSON.parse(fixture('tsm-export.json')) as unknown,
      JSON.parse(fixture('session-buddy-v3.json')) as unknown,
      JSON.parse(exportSessions([], 'tabularium', { now: NOW })) as unknown,
      JSON.parse(parseImportAsTabularium()) as unknown,
    ];
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.jsonValue(),
        (b, steps, value) => {
          const doc = structuredClone(bases[b]);
          mutate(doc, steps, value);
          onlyImportErrors([{ name: 'm.json', text: JSON.stringify(doc) }]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('valid JSON cut anywhere is an ImportError at a position inside the file', () => {
    const text = fixture('tsm-export.json');
    fc.assert(
      fc.property(fc.nat({ max: text.length - 2 }), (cut) => {
        const part = text.slice(0, cut + 1);
        try {
          parseImport([{ name: 'cut.json', text: part }], idOptions());
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
          return;
        }
        // A few cuts are still valid JSON (e.g. a lone "["): those parse or fail as ImportError above.
      }),
      { numRuns: 300 },
    );
  });

  it('the JSON error finder stays inside the text for any broken input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        let ok = true;
        try {
          JSON.parse(s);
        } catch {
          ok = false;
        }
        if (ok) return;
        const { offset, problem } = findJsonError(s);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(s.length);
        expect(english(problem)).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('deep nesting, __proto__ keys and huge numbers do not escape as other errors', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    onlyImportErrors([{ name: 'deep.json', text: deep }]);
    onlyImportErrors([{ name: 'deep.json', text: '['.repeat(100_000) }]);
    onlyImportErrors([
      {
        name: 'proto.json',
        text: '[{"__proto__":{"windows":1},"windows":{"__proto__":{"1":{"url":"https://a.test/"}}}}]',
      },
    ]);
    onlyImportErrors([{ name: 'num.json', text: '[{"windows":{},"date":1e400}]' }]);
    onlyImportErrors([{ name: 'nul', text: '\u0000\u0000' }]);
  });
});

function parseImportAsTabularium(): string {
  const p = parseImport([{ name: 'tsm.json', text: fixture('tsm-export.json') }], idOptions());
  return exportSessions(p.sessions, 'tabularium', { now: NOW });
}

/** Walks `steps` into the document (choosing children by index) and replaces what it lands on. */
function mutate(doc: unknown, steps: number[], value: unknown): void {
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node = doc;
  for (const step of steps) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown>;
    key = keys[step % keys.length];
    node = (parent as Record<string | number, unknown>)[key as string];
  }
  if (parent !== undefined && key !== undefined) (parent as Record<string | number, unknown>)[key] = value;
}
