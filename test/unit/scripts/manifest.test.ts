// The manifests each build gets: Firefox's MV3 form, and the e2e bridge only in the Firefox e2e
// build (never in a store build of either browser).
import { describe, expect, it } from 'vitest';
import { buildManifest, E2E_BRIDGE, FIREFOX_MIN_VERSION, GECKO_ID } from '../../../scripts/manifest.ts';

const build = (target: 'chrome' | 'firefox', e2e = false) => buildManifest({ target, e2e });

describe('store builds carry no test bridge', () => {
  for (const target of ['chrome', 'firefox'] as const) {
    it(`${target}: no content script, nothing of test/ at all`, () => {
      const m = build(target);
      expect(m).not.toHaveProperty('content_scripts');
      expect(m).not.toHaveProperty('web_accessible_resources');
      expect(JSON.stringify(m)).not.toMatch(/e2e|bridge|127\.0\.0\.1/);
    });
  }

  it('the Chrome e2e build has no bridge either (Chromium tests open extension pages directly)', () => {
    expect(build('chrome', true)).not.toHaveProperty('content_scripts');
  });

  it('the Firefox e2e build has it, on the local test server only', () => {
    const m = build('firefox', true);
    expect(m.content_scripts).toEqual([E2E_BRIDGE]);
    expect(E2E_BRIDGE.matches).toEqual(['http://127.0.0.1/*']);
    expect(E2E_BRIDGE.js).toEqual(['test/e2e-firefox/bridge/bridge-content.ts']);
  });
});

describe('the Firefox manifest', () => {
  const m = build('firefox') as Record<string, unknown> & { permissions: string[] };

  it('runs the worker as MV3 background scripts (ES module), not a service worker', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
  });

  it('names its gecko id, minimum version and data collection', () => {
    expect(m.browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
    });
    // tabGroups (kept below) exists from Firefox 139; data_collection_permissions from 140.
    expect(Number.parseFloat(FIREFOX_MIN_VERSION)).toBeGreaterThanOrEqual(140);
  });

  it('has no Chrome-only keys or permissions', () => {
    expect(m).not.toHaveProperty('minimum_chrome_version');
    expect(m.permissions).not.toContain('favicon');
    expect(m.permissions).toEqual(
      expect.arrayContaining(['storage', 'unlimitedStorage', 'tabs', 'tabGroups', 'alarms']),
    );
  });

  it('keeps what Firefox supports: options page in a tab, DevTools page, commands, optional cookies', () => {
    expect(m.options_ui).toEqual({ page: 'src/ui/options/index.html', open_in_tab: true });
    expect(m.devtools_page).toBe('src/ui/devtools/index.html');
    expect(m.optional_permissions).toEqual(['cookies']);
    expect(m.optional_host_permissions).toEqual(['<all_urls>']);
  });

  it('leaves the Chrome manifest as it was', () => {
    const c = build('chrome');
    expect(c.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(c).toHaveProperty('minimum_chrome_version');
    expect(c).not.toHaveProperty('browser_specific_settings');
    expect(c.permissions).toContain('favicon');
  });
});
