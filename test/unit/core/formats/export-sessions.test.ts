import { describe, expect, it } from 'vitest';
import { exportSessions, parseImport, type ExportFormat } from '../../../../src/core/formats/index.ts';
import type { SessionWithBody } from '../../../../src/core/model.ts';
import { thrownText } from '../../support/english.ts';
import { fixture, idOptions, NOW, session, urlsAndTitles, urlsOnly, window } from '../../support/format-helpers.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

const items: SessionWithBody[] = [
  session(
    's-1',
    'Work & "play" <b>',
    [
      window(
        [
          {
            url: 'https://a.test/?q=1&r=<2>',
            title: 'A [bracket] (paren) *star* `tick` \\ back',
            pinned: true,
            active: true,
            groupIndex: 0,
          },
          { url: 'https://b.test/path_(x)', title: HOSTILE, groupIndex: 0 },
          { url: 'javascript:alert(document.cookie)', title: 'script ` `` tab' },
          { url: 'https://untitled.test/', title: '' },
        ],
        {
          groups: [{ title: 'G', color: 'blue', collapsed: true }],
          state: 'maximized',
          focused: true,
          bounds: { left: 1, top: 2, width: 3, height: 4 },
        },
      ),
      window([
        { url: 'chrome://settings/', title: '' },
        { url: 'ftp://files.test/x', title: 'F | pipe' },
      ]),
    ],
    { tags: ['t1', 'x y'], sourceId: 'src-1', kind: 'recovered', cookieJarId: 'jar-1' },
  ),
  session('s-2', 'Second', [
    window([
      {
        url: 'https://c.test/',
        title: 'C',
        lastAccessed: 123,
        muted: true,
        cookieStoreId: 'firefox-container-2',
        favIconUrl: 'https://c.test/f.ico',
      },
    ]),
  ]),
];

const reimport = (format: ExportFormat, data = items) =>
  parseImport([{ name: `export.${format}`, text: exportSessions(data, format, { now: NOW }) }], idOptions('re'));

describe('Tabularium JSON export', () => {
  it('re-imports to exactly the same sessions: ids, kinds, dates, tags, windows, tabs, groups', () => {
    const p = reimport('tabularium');
    expect(p.format).toBe('tabularium');
    expect(p.sessions).toEqual(items);
    expect(p.counts).toEqual({ sessions: 2, windows: 3, tabs: 7, notOpenable: 2 });
  });

  it('declares format and version, and leaves no stray fields', () => {
    const [, second] = items;
    if (!second) throw new Error('fixture');
    const dirty = [{ ...second, session: Object.assign({ secret: 'x' }, second.session) }];
    const text = exportSessions(dirty, 'tabularium', { now: NOW });
    const data = JSON.parse(text) as { format: string; version: number; exportedAt: number };
    expect(data).toMatchObject({ format: 'tabularium', version: 1, exportedAt: NOW });
    expect(text).not.toContain('secret');
  });

  it('a file from a newer Tabularium is refused with a clear message', () => {
    const text = JSON.stringify({ format: 'tabularium', version: 2, exportedAt: NOW, sessions: [] });
    expect(thrownText(() => parseImport([{ name: 'new.json', text }], idOptions()))).toBe(
      'Could not import new.json at $.version: made by a newer Tabularium (format version 2); update the extension to import it. Nothing was stored.',
    );
  });

  it('refuses a groupIndex that points past the groups, and a body id that does not match', () => {
    const data = JSON.parse(exportSessions(items, 'tabularium', { now: NOW })) as {
      sessions: { session: { id: string }; body: { id: string; windows: { groups: unknown[] }[] } }[];
    };
    const first = data.sessions[0];
    if (!first) throw new Error('no session');
    const w0 = first.body.windows[0];
    if (!w0) throw new Error('no window');
    w0.groups = [];
    expect(thrownText(() => parseImport([{ name: 'b.json', text: JSON.stringify(data) }], idOptions()))).toContain(
      "b.json at $.sessions[0].body.windows[0].tabs[0].groupIndex: points past the window's 0 groups.",
    );
    first.body.id = 'other';
    expect(thrownText(() => parseImport([{ name: 'b.json', text: JSON.stringify(data) }], idOptions()))).toContain(
      `$.sessions[0].body.id: does not match the session id "${first.session.id}"`,
    );
  });
});

describe('HTML export', () => {
  const html = exportSessions(items, 'html', { now: NOW });

  it('is a standalone page with doctype, charset, title and a section per session and window', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<title>Tabularium sessions 2026-09-01<\/title>/);
    expect(html.match(/<section class="session">/g)).toHaveLength(2);
    expect(html.match(/<section class="window">/g)).toHaveLength(3);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes every piece of data; hostile titles stay text', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<h2 class="session-name">Work &amp; &quot;play&quot; &lt;b&gt;</h2>');
    expect(html).toContain('href="https://a.test/?q=1&amp;r=&lt;2&gt;"');
    // Only the page's own tags: no <img>, <script> or <b> from the data.
    expect(html).not.toMatch(/<(img|script|b)[\s>]/i);
  });

  it('links only http(s) and ftp URLs; others are text', () => {
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/href="chrome:/i);
    expect(html).toContain('<code class="url">javascript:alert(document.cookie)</code>');
    expect(html).toContain('<code class="url">chrome://settings/</code>');
    expect(html).toContain('<a href="ftp://files.test/x" rel="noopener noreferrer">F | pipe</a>');
    expect(html).toContain('<a href="https://untitled.test/" rel="noopener noreferrer">https://untitled.test/</a>');
  });

  it('re-imports to the same sessions, windows, URLs and titles', () => {
    const p = reimport('html');
    expect(p.format).toBe('html');
    expect(p.sessions.map((s) => s.session.name)).toEqual(['Work & "play" <b>', 'Second']);
    expect(p.sessions[0]?.session.createdAt).toBe(items[0]?.session.createdAt);
    expect(urlsAndTitles(p.sessions)).toEqual(urlsAndTitles(items));
  });

  it('reads links out of any other HTML page as one window', () => {
    const page =
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><DT><A HREF="https://x.test/" ADD_DATE="1">X &amp; <b>Y</b></A>\n<DT><a href=\'#top\'>top</a><DT><A HREF="https://z.test/">Z</A></DL>';
    const p = parseImport([{ name: 'bookmarks.html', text: page }], idOptions());
    expect(urlsAndTitles(p.sessions)).toEqual([
      [
        ['https://x.test/', 'X & Y'],
        ['https://z.test/', 'Z'],
      ],
    ]);
  });
});

describe('Markdown export', () => {
  const md = exportSessions(items, 'markdown', { now: NOW });

  it('has headings per session and window, links with escaped brackets, code for non-openable URLs', () => {
    expect(md).toContain('# Work \\& "play" \\<b\\>\n');
    expect(md).toContain('## Window 1');
    // "<" and ">" cannot sit in a plain Markdown link destination: such a URL is shown as code.
    expect(md).toContain('- `https://a.test/?q=1&r=<2>` A \\[bracket\\] \\(paren\\) \\*star\\* \\`tick\\` \\\\ back');
    expect(md).toContain('- [\\<img src=x onerror=alert\\(1\\)\\>](https://b.test/path_\\(x\\))');
    expect(md).toContain('- `javascript:alert(document.cookie)` script \\` \\`\\` tab');
    expect(md).toContain('- [F | pipe](ftp://files.test/x)');
    expect(md).toContain('- <https://untitled.test/>');
    expect(md).toContain('- `chrome://settings/`');
    expect(md).not.toMatch(/\]\(javascript:/);
  });

  it('re-imports to the same sessions, windows, URLs and titles', () => {
    const p = reimport('markdown');
    expect(p.format).toBe('markdown');
    expect(p.sessions.map((s) => s.session.name)).toEqual(['Work & "play" <b>', 'Second']);
    expect(urlsAndTitles(p.sessions)).toEqual(urlsAndTitles(items));
  });
});

describe('plain text and OneTab exports', () => {
  it('text: one URL a line, a blank line between windows, re-imports to the same windows and URLs', () => {
    const text = exportSessions(items, 'text', { now: NOW });
    expect(text).toBe(
      [
        'https://a.test/?q=1&r=<2>',
        'https://b.test/path_(x)',
        'javascript:alert(document.cookie)',
        'https://untitled.test/',
        '',
        'chrome://settings/',
        'ftp://files.test/x',
        '',
        'https://c.test/',
        '',
      ].join('\n'),
    );
    expect(urlsOnly(reimport('text').sessions)).toEqual(urlsOnly(items));
  });

  it('OneTab: "URL | Title", re-imports to the same windows, URLs and titles', () => {
    const text = exportSessions(items, 'onetab', { now: NOW });
    expect(text.split('\n')[1]).toBe(`https://b.test/path_(x) | ${HOSTILE}`);
    const p = reimport('onetab');
    expect(p.format).toBe('onetab');
    expect(urlsAndTitles(p.sessions)).toEqual(urlsAndTitles(items));
  });

  it('the OneTab fixture survives a OneTab export and re-import unchanged', () => {
    const first = parseImport([{ name: 'onetab.txt', text: fixture('onetab.txt') }], idOptions()).sessions;
    const again = parseImport(
      [{ name: 'again.txt', text: exportSessions(first, 'onetab', { now: NOW }) }],
      idOptions(),
    ).sessions;
    expect(urlsAndTitles(again)).toEqual(urlsAndTitles(first));
  });
});

describe('large sessions', () => {
  const big = session('big', 'Big', [
    window(
      Array.from({ length: 10_000 }, (_, i) => ({
        url: `https://site${i % 97}.test/page/${i}?x=${'y'.repeat(i % 50)}`,
        title: `Tab ${i} <${i}>`,
      })),
    ),
  ]);

  it.each(['tabularium', 'html', 'markdown', 'text', 'onetab'] as const)(
    'a 10,000-tab session exports and re-imports as %s',
    (format) => {
      const p = reimport(format, [big]);
      expect(p.counts.tabs).toBe(10_000);
      if (format === 'tabularium') expect(p.sessions).toEqual([big]);
      else if (format === 'text') expect(urlsOnly(p.sessions)).toEqual(urlsOnly([big]));
      else expect(urlsAndTitles(p.sessions)).toEqual(urlsAndTitles([big]));
    },
  );
});
