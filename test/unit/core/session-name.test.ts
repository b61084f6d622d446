import { describe, expect, it } from 'vitest';
import { defaultSessionName, mainSites, siteIconPages, siteLabel } from '../../../src/core/session-name.ts';
import type { WindowRecord } from '../../../src/core/model.ts';

const w = (tabs: (string | [string, string])[]): WindowRecord => ({
  type: 'normal',
  state: 'normal',
  incognito: false,
  focused: false,
  tabs: tabs.map((x) => (typeof x === 'string' ? { url: x, title: '' } : { url: x[0], title: x[1] })),
  groups: [],
});

describe('default session name', () => {
  it('finds the sites with the most tabs', () => {
    const windows = [
      w(['https://www.github.com/a', 'https://github.com/b', 'https://mdn.dev/', 'chrome://settings']),
      w(['https://news.test/', 'https://mdn.dev/x', 'https://github.com/c']),
    ];
    expect(mainSites(windows)).toEqual(['github.com', 'mdn.dev', 'news.test']);
  });

  it('names the sites as people call them, then the tab count, and no date', () => {
    const windows = [
      w([
        ['https://github.com/a', 'Pull requests · GitHub'],
        'https://github.com/b',
        'https://docs.google.com/d/1',
        'https://docs.google.com/d/2',
        'https://mail.google.com/',
      ]),
      w(['https://mail.google.com/u/0', 'https://example.org/']),
    ];
    const name = defaultSessionName(windows);
    expect(name).toBe('Docs, GitHub, Mail · 7 tabs');
    expect(name).not.toMatch(/\d{4}|AM|PM/);
  });

  it('says "1 tab" for one tab and "Closed window" for a closed window', () => {
    expect(defaultSessionName([w(['https://github.com/'])])).toBe('Github · 1 tab');
    expect(
      defaultSessionName(
        [w(['https://a.test/', 'https://a.test/2', 'https://b.test/', 'https://c.test/'])],
        'window-closed',
      ),
    ).toBe('Closed window · A, B, C · 4 tabs');
  });

  it('falls back to the first title when no tab is a web page', () => {
    expect(defaultSessionName([w([['chrome://settings', 'Settings'], 'about:blank'])])).toBe('Settings · 2 tabs');
  });

  it('keeps addresses without a site name as they are', () => {
    expect(siteLabel('127.0.0.1')).toBe('127.0.0.1');
    expect(siteLabel('localhost')).toBe('localhost');
    expect(siteLabel('code.example.test', ['Code review'])).toBe('Code');
  });

  it('names a site by its next label when the first is a language or says only what kind of site', () => {
    expect(siteLabel('en.wikipedia.org', ['Tabula rasa - Wikipedia'])).toBe('Wikipedia');
    expect(siteLabel('developer.chrome.com')).toBe('Chrome');
    expect(siteLabel('m.example.com')).toBe('Example');
    expect(siteLabel('docs.google.com')).toBe('Docs');
    expect(siteLabel('go.dev')).toBe('Go');
    expect(siteLabel('developer.chrome.com', ['chrome.tabs'])).toBe('Chrome');
  });
});

describe('site icon pages', () => {
  it('gives one page per main site, most tabs first, at most five', () => {
    const windows = [
      w(['https://b.test/1', 'https://a.test/1', 'https://a.test/2', 'about:blank']),
      w(['https://c.test/', 'https://d.test/', 'https://e.test/', 'https://f.test/']),
    ];
    expect(siteIconPages(windows)).toEqual([
      'https://a.test/1',
      'https://b.test/1',
      'https://c.test/',
      'https://d.test/',
      'https://e.test/',
    ]);
  });
});
