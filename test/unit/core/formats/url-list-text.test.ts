import { describe, expect, it } from 'vitest';
import { ImportError, parseImport } from '../../../../src/core/formats/index.ts';
import { thrownText } from '../../support/english.ts';
import { idOptions, notes } from '../../support/format-helpers.ts';

const one = (name: string, text: string) => parseImport([{ name, text }], idOptions());
const windows = (p: ReturnType<typeof one>) =>
  p.sessions.flatMap((s) => s.body.windows.map((w) => w.tabs.map((t) => [t.url, t.title])));

describe('plain URL lists and Session Buddy text', () => {
  it('reads one URL a line, blank lines separating windows, CRLF or not', () => {
    const p = one('urls.txt', 'https://a.test/\r\nhttps://b.test/\r\n\r\n\r\nhttps://c.test/\r\n');
    expect(p.format).toBe('url-list');
    expect(windows(p)).toEqual([
      [
        ['https://a.test/', ''],
        ['https://b.test/', ''],
      ],
      [['https://c.test/', '']],
    ]);
    expect(p.sessions[0]?.session.name).toMatch(/^URL list · /);
  });

  it('reads title-then-URL pairs separated by blank lines; two blank lines start a new window', () => {
    const text = 'Alpha: the first\nhttps://a.test/\n\nBeta | B\nhttps://b.test/\n\n\nGamma\nhttps://c.test/\n';
    const p = one('sb.txt', text);
    expect(p.format).toBe('session-buddy-text');
    expect(windows(p)).toEqual([
      [
        ['https://a.test/', 'Alpha: the first'],
        ['https://b.test/', 'Beta | B'],
      ],
      [['https://c.test/', 'Gamma']],
    ]);
  });

  it('reads adjacent pairs with single blank lines between windows, and notes a title without a URL', () => {
    const text = 'A\nhttps://a.test/\nB\nhttps://b.test/\n\nC\nhttps://c.test/\nlonely title\n';
    const p = one('sb.txt', text);
    expect(windows(p)).toEqual([
      [
        ['https://a.test/', 'A'],
        ['https://b.test/', 'B'],
      ],
      [['https://c.test/', 'C']],
    ]);
    expect(notes(p.skipped)).toEqual(['text at sb.txt, line 8: not a URL and not followed by one']);
  });
});

describe('Session Buddy CSV', () => {
  it('reads quoted fields, quotes inside quotes and line breaks, grouping by session and window name', () => {
    const text = [
      'Session Name,Window Name,Tab Title,Tab URL',
      '"Work","Window 1","Docs, ""quoted""","https://a.test/"',
      '"Work","Window 1","Two\nlines","https://b.test/"',
      '"Work","Window 2","C","https://c.test/"',
      '"","Window 1","javascript","javascript:alert(1)"',
      '',
    ].join('\r\n');
    const p = one('export.csv', text);
    expect(p.format).toBe('session-buddy-csv');
    expect(p.sessions.map((s) => s.session.name)[0]).toBe('Work');
    expect(p.sessions[1]?.session.name).toMatch(/^Session Buddy · /);
    expect(windows(p)).toEqual([
      [
        ['https://a.test/', 'Docs, "quoted"'],
        ['https://b.test/', 'Two\nlines'],
      ],
      [['https://c.test/', 'C']],
      [['javascript:alert(1)', 'javascript']],
    ]);
    expect(p.counts.notOpenable).toBe(1);
  });
});

describe('OneTab details', () => {
  it('keeps a group with a stray non-URL line as OneTab, noting the line', () => {
    const p = one('o.txt', 'https://a.test/ | A\nnot a url at all\nhttps://b.test/ | B\n');
    expect(p.format).toBe('onetab');
    expect(windows(p)).toEqual([
      [
        ['https://a.test/', 'A'],
        ['https://b.test/', 'B'],
      ],
    ]);
    expect(notes(p.skipped)).toEqual(['text at o.txt, line 2: not a "URL | Title" line']);
  });
});

describe('limits and refusals', () => {
  it('refuses text with no URLs, an empty file, and no files', () => {
    expect(() => one('notes.txt', 'just some\nwords here')).toThrow(ImportError);
    expect(thrownText(() => one('notes.txt', 'just some\nwords here'))).toBe(
      'Could not import notes.txt: not a session file Tabularium can read: no URLs found. Nothing was stored.',
    );
    expect(thrownText(() => one('empty.txt', '\ufeff \n'))).toBe(
      'Could not import empty.txt: the file is empty. Nothing was stored.',
    );
    expect(() => parseImport([], idOptions())).toThrow(ImportError);
    expect(thrownText(() => parseImport([], idOptions()))).toBe(
      'Could not import (no file): no file to import. Nothing was stored.',
    );
  });

  it('refuses JSON that is no known format', () => {
    expect(thrownText(() => one('x.json', '{"hello":1}'))).toMatch(
      /^Could not import x\.json at \$: JSON, but not a session file Tabularium knows/,
    );
  });

  it('shortens a title over 4096 characters and skips a URL over 65536, with notes', () => {
    const long = 'T'.repeat(5000);
    const text = `https://a.test/ | ${long}\nhttps://b.test/${'x'.repeat(70_000)} | B\nhttps://c.test/ | C\n`;
    const p = one('o.txt', text);
    const tabs = p.sessions[0]?.body.windows[0]?.tabs ?? [];
    expect(tabs.map((t) => t.url)).toEqual(['https://a.test/', 'https://c.test/']);
    expect(tabs[0]?.title).toBe('T'.repeat(4096));
    expect(notes(p.skipped)).toEqual([
      'title at o.txt, line 1: longer than 4096 characters: shortened',
      'tab at o.txt, line 2: URL longer than 65536 characters',
    ]);
  });

  it('does not cut a title in the middle of a surrogate pair', () => {
    const title = `${'a'.repeat(4095)}😀tail`;
    const p = one('o.txt', `https://a.test/ | ${title}\n`);
    expect(p.sessions[0]?.body.windows[0]?.tabs[0]?.title).toBe('a'.repeat(4095));
  });

  it('refuses more than 200,000 tabs in one file', () => {
    const text = 'https://a.test/\n'.repeat(200_001);
    expect(thrownText(() => one('huge.txt', text))).toBe(
      'Could not import huge.txt at line 200001: more than 200000 tabs in one file. Nothing was stored.',
    );
  });

  it('caps the list of notes and sums up the rest', () => {
    const text = `${'https://a.test/ | A\nnot a url\n'.repeat(1_200)}`;
    const p = one('o.txt', text);
    expect(p.skipped).toHaveLength(1_001);
    expect(notes(p.skipped)[1_000]).toBe('200 more: further items were skipped or shortened');
  });
});
