import { describe, expect, it } from 'vitest';
import { ImportError, parseImport } from '../../../../src/core/formats/index.ts';
import type { UserMessage } from '../../../../src/core/user-error.ts';
import { english } from '../../support/english.ts';
import { fixture, idOptions, NOW } from '../../support/format-helpers.ts';

describe('OneTab fixture', () => {
  const p = parseImport([{ name: 'onetab.txt', text: fixture('onetab.txt') }], idOptions());

  it('is detected from its content and gives one session of two windows (4 + 2 tabs)', () => {
    expect(p.format).toBe('onetab');
    expect(p.sessions).toHaveLength(1);
    const [s] = p.sessions;
    expect(s?.session.kind).toBe('imported');
    expect(s?.session.id).toBe('new-1');
    expect(s?.body.id).toBe('new-1');
    expect(s?.session.createdAt).toBe(NOW);
    expect(s?.session.name).toMatch(/^OneTab · /);
    expect(s?.body.windows.map((w) => w.tabs.length)).toEqual([4, 2]);
    expect(p.counts).toEqual({ sessions: 1, windows: 2, tabs: 6, notOpenable: 0 });
    expect(p.skipped).toEqual([]);
    expect(p.encryptedCookies).toBeUndefined();
  });

  it('strips the BOM, splits on the first " | " and keeps pipes in titles', () => {
    const tabs = p.sessions[0]?.body.windows[0]?.tabs ?? [];
    expect(tabs[0]).toEqual({
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies',
      title: 'Using HTTP cookies - HTTP | MDN',
    });
    expect(tabs[1]).toEqual({
      url: 'https://www.rfc-editor.org/rfc/rfc6265',
      title: 'RFC 6265: HTTP State Management Mechanism',
    });
    expect(tabs[2]).toEqual({ url: 'https://example.org/a|b', title: 'Title | with | pipes' });
    expect(tabs[3]).toEqual({ url: 'https://example.org/no-title', title: '' });
    expect(p.sessions[0]?.body.windows[1]?.tabs).toEqual([
      { url: 'https://news.ycombinator.com/', title: 'Hacker News' },
      { url: 'https://github.com/explore', title: 'Explore GitHub' },
    ]);
  });

  it('does not depend on the file name', () => {
    const q = parseImport([{ name: 'whatever.json', text: fixture('onetab.txt') }], idOptions());
    expect(q.format).toBe('onetab');
    expect(q.counts.tabs).toBe(6);
  });
});

describe('Session Buddy v3 fixture', () => {
  const p = parseImport([{ name: 'sb.json', text: fixture('session-buddy-v3.json') }], idOptions());

  it('gives two sessions with their windows, tabs, dates and source ids', () => {
    expect(p.format).toBe('session-buddy-json');
    expect(p.counts).toEqual({ sessions: 2, windows: 3, tabs: 4, notOpenable: 0 });
    const [a, b] = p.sessions;
    expect(a?.session).toMatchObject({
      name: 'Research: HTTP sessions',
      kind: 'imported',
      createdAt: 1790000000000,
      updatedAt: 1790000500000,
      sourceId: 'b6f2a1c0-1',
      counts: { windows: 2, tabs: 3 },
    });
    expect(a?.body.windows[0]?.tabs).toEqual([
      {
        url: 'https://en.wikipedia.org/wiki/Session_(computer_science)',
        title: 'Session (computer science) - Wikipedia',
      },
      {
        url: 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html',
        title: 'Session Management - OWASP Cheat Sheet Series',
      },
    ]);
    expect(a?.body.windows[1]?.tabs).toEqual([
      {
        url: 'https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html',
        title: 'Cookies: HTTP State Management Mechanism',
      },
    ]);
    expect(b?.body.windows[0]?.tabs).toEqual([{ url: 'https://example.com/', title: 'Example Domain' }]);
    expect(b?.session.createdAt).toBe(1790100000000);
    expect(b?.session.sourceId).toBeUndefined();
  });

  it('names the unnamed "previous" session after its kind and its sites', () => {
    const name = p.sessions[1]?.session.name ?? '';
    expect(name).toMatch(/^Session Buddy previous session · /);
    expect(name).toContain('Example');
  });
});

describe('Tab Session Manager fixture', () => {
  const p = parseImport([{ name: 'tsm.json', text: fixture('tsm-export.json') }], idOptions());

  it('gives both sessions with ids, dates and tags', () => {
    expect(p.format).toBe('tab-session-manager');
    expect(p.counts).toEqual({ sessions: 2, windows: 3, tabs: 8, notOpenable: 0 });
    expect(p.sessions.map((s) => s.session.name)).toEqual(['Extension APIs', 'Cookie research']);
    expect(p.sessions[0]?.session).toMatchObject({
      kind: 'imported',
      sourceId: '3e767f9f-abc3-4201-90e0-b3db731d34bd',
      createdAt: 1795307831645,
      updatedAt: 1795307831645,
      tags: [],
    });
  });

  it('turns tab groups into GroupRecords with title, colour and collapsed, and tabs point at them', () => {
    const w = p.sessions[0]?.body.windows[0];
    expect(w?.groups).toEqual([{ title: 'APIs', color: 'purple', collapsed: true }]);
    expect(w?.tabs.map((t) => t.groupIndex)).toEqual([0, 0, undefined]);
    const w2 = p.sessions[1]?.body.windows[0];
    expect(w2?.groups).toEqual([{ title: 'Specs', color: 'green', collapsed: false }]);
    expect(w2?.tabs.map((t) => t.groupIndex)).toEqual([undefined, 0, 0, undefined]);
  });

  it('keeps tab order, pinned and active, and the window bounds from windowsInfo', () => {
    const [w1, w2] = p.sessions[1]?.body.windows ?? [];
    expect(w1?.tabs.map((t) => t.title)).toEqual([
      'HTTP cookie - Wikipedia',
      'Using HTTP cookies - HTTP | MDN',
      'RFC 6265: HTTP State Management Mechanism',
      'Session Management - OWASP Cheat Sheet Series',
    ]);
    expect(w1?.tabs[0]).toMatchObject({ url: 'https://en.wikipedia.org/wiki/HTTP_cookie', pinned: true, active: true });
    expect(w1?.tabs[1]?.pinned).toBeUndefined();
    expect(w1).toMatchObject({
      type: 'normal',
      state: 'normal',
      focused: true,
      incognito: false,
      bounds: { left: 0, top: 0, width: 1288, height: 851 },
    });
    expect(w2?.tabs).toHaveLength(1);
    expect(w2?.tabs[0]?.url).toBe('https://developer.chrome.com/docs/extensions/reference/api/cookies');
  });

  it('keeps a compact record: no tabs.Tab fields beyond the model', () => {
    const t = p.sessions[0]?.body.windows[0]?.tabs[0];
    expect(Object.keys(t ?? {}).sort()).toEqual(['active', 'groupIndex', 'lastAccessed', 'title', 'url']);
  });
});

describe('hostile fixtures', () => {
  it('keeps a javascript: URL as text, counts it not openable, and keeps an HTML title verbatim', () => {
    const p = parseImport([{ name: 'trap.json', text: fixture('bad-import-javascript-url.json') }], idOptions());
    const tabs = p.sessions[0]?.body.windows[0]?.tabs;
    expect(tabs?.[0]).toEqual({ url: 'javascript:alert(document.cookie)', title: '<img src=x onerror=alert(1)>' });
    expect(tabs?.[1]).toEqual({ url: 'https://example.com/', title: 'ok' });
    expect(p.counts.notOpenable).toBe(1);
    expect(p.counts.tabs).toBe(2);
  });

  it('refuses a truncated file with an ImportError naming the file and the line/column', () => {
    let err: unknown;
    try {
      parseImport([{ name: 'bad-import-truncated.json', text: fixture('bad-import-truncated.json') }], idOptions());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    const e = err as ImportError;
    expect(e.file).toBe('bad-import-truncated.json');
    expect(english(e.place as UserMessage)).toBe('line 1, column 68');
    expect(english(e.userMessage)).toBe(
      'Could not import bad-import-truncated.json at line 1, column 68: not valid JSON: the file ends too early (is it cut off?). Nothing was stored.',
    );
  });
});
