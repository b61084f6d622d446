import { describe, expect, it } from 'vitest';
import { captureWindows, type RawGroup, type RawTab, type RawWindow } from '../../../src/core/capture.ts';
import { placeholderUrl } from '../../../src/core/placeholder-url.ts';

const BASE = 'chrome-extension://abc/';
const tab = (index: number, url: string, extra: Partial<RawTab> = {}): RawTab => ({
  index,
  url,
  title: `T${index}`,
  pinned: false,
  active: false,
  ...extra,
});

describe('capture of the browser into session records', () => {
  it('keeps tabs in index order with pinned, active, muted and group membership', () => {
    const windows: RawWindow[] = [
      {
        id: 1,
        type: 'normal',
        state: 'normal',
        left: 10,
        top: 20,
        width: 800,
        height: 600,
        incognito: false,
        focused: true,
        tabs: [
          tab(2, 'https://c.test/', { groupId: 7 }),
          tab(0, 'https://a.test/', { pinned: true }),
          tab(1, 'https://b.test/', { active: true, mutedInfo: { muted: true } }),
        ],
      },
    ];
    const groups: RawGroup[] = [{ id: 7, windowId: 1, title: 'Work', color: 'blue', collapsed: true }];
    const [w] = captureWindows(windows, groups, { extensionBase: BASE });
    expect(w!.tabs.map((t) => t.url)).toEqual(['https://a.test/', 'https://b.test/', 'https://c.test/']);
    expect(w!.tabs[0]!.pinned).toBe(true);
    expect(w!.tabs[1]).toMatchObject({ active: true, muted: true });
    expect(w!.tabs[2]!.groupIndex).toBe(0);
    expect(w!.groups).toEqual([{ title: 'Work', color: 'blue', collapsed: true }]);
    expect(w!.bounds).toEqual({ left: 10, top: 20, width: 800, height: 600 });
  });

  it('records the real URL and title of a lazily restored tab, never the placeholder', () => {
    const ph = placeholderUrl(BASE, {
      url: 'https://real.test/x?y=1',
      title: 'Real title',
      favIconUrl: 'https://real.test/f.ico',
    });
    const [w] = captureWindows(
      [{ id: 1, incognito: false, focused: false, tabs: [tab(0, ph, { title: 'Real title' })] }],
      [],
      { extensionBase: BASE },
    );
    expect(w!.tabs[0]).toMatchObject({
      url: 'https://real.test/x?y=1',
      title: 'Real title',
      favIconUrl: 'https://real.test/f.ico',
    });
  });

  it("leaves out the extension's own pages and windows left empty by that", () => {
    const windows: RawWindow[] = [
      { id: 1, incognito: false, focused: true, tabs: [tab(0, `${BASE}src/ui/popup/index.html`)] },
      {
        id: 2,
        incognito: false,
        focused: false,
        tabs: [tab(0, `${BASE}src/ui/popup/index.html`), tab(1, 'https://a.test/')],
      },
    ];
    const out = captureWindows(windows, [], { extensionBase: BASE });
    expect(out).toHaveLength(1);
    expect(out[0]!.tabs.map((t) => t.url)).toEqual(['https://a.test/']);
  });

  it('stays compact: no title when it equals the URL, no data: favicons, no default container', () => {
    const [w] = captureWindows(
      [
        {
          id: 1,
          incognito: false,
          focused: false,
          tabs: [
            tab(0, 'https://a.test/', {
              title: 'https://a.test/',
              favIconUrl: 'data:image/png;base64,AAAA',
              cookieStoreId: 'firefox-default',
            }),
          ],
        },
      ],
      [],
      { extensionBase: BASE },
    );
    expect(w!.tabs[0]).toEqual({ url: 'https://a.test/', title: '' });
  });

  it('uses the pending URL of a tab that is still loading', () => {
    const [w] = captureWindows(
      [{ id: 1, incognito: false, focused: false, tabs: [tab(0, '', { pendingUrl: 'https://slow.test/' })] }],
      [],
      { extensionBase: BASE },
    );
    expect(w!.tabs[0]!.url).toBe('https://slow.test/');
  });
});
