// Turns the top-level manifest.json into the manifest of one build.
import base from '../manifest.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';
type Manifest = Record<string, unknown> & {
  manifest_version: 3;
  name: string;
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js: string[]; run_at?: string }[];
};

export const GECKO_ID = 'tabularium@tabularium.example';

/**
 * The oldest Firefox the build is for. 140 (an ESR) is the first with all of: MV3 background
 * scripts as modules (112), storage.session (115), optional_host_permissions (128), the tabGroups
 * API and permission (139), `data_collection_permissions` (140). `tabs.create({discarded,
 * title})` is far older (63). Tested on Debian's firefox-esr 153.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** Chrome-only permissions Firefox does not know (it would warn and ignore them). */
const CHROME_ONLY_PERMISSIONS = new Set(['favicon']);

/**
 * The Firefox end-to-end bridge: a content script on the test server's pages that relays the
 * test's window.postMessage calls to the worker (see test/e2e-firefox/bridge/). Only the
 * TABULARIUM_E2E Firefox build has it; store builds never do (test/unit/platform/manifest.test.ts).
 */
export const E2E_BRIDGE = {
  matches: ['http://127.0.0.1/*'],
  js: ['test/e2e-firefox/bridge/bridge-content.ts'],
  run_at: 'document_start',
};

export function buildManifest({ target, e2e }: { target: Target; e2e: boolean }): Manifest {
  const m = structuredClone(base) as unknown as Manifest;
  if (e2e) {
    // Automated browsers cannot answer a permission prompt: grant up front in the test build.
    m.permissions = [...(m.permissions ?? []), ...(m.optional_permissions ?? [])];
    m.host_permissions = [...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])];
    delete m.optional_permissions;
    delete m.optional_host_permissions;
  }
  if (target === 'firefox') {
    // Firefox runs MV3 background code as (non-persistent) background scripts, not a service
    // worker; @crxjs/vite-plugin then points `scripts` at its ES-module loader, hence the type.
    const bg = m.background as { service_worker: string };
    m.background = { scripts: [bg.service_worker], type: 'module' };
    delete m.minimum_chrome_version;
    m.permissions = (m.permissions ?? []).filter((p) => !CHROME_ONLY_PERMISSIONS.has(p));
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Required of new add-ons by addons.mozilla.org: nothing leaves the browser.
        data_collection_permissions: { required: ['none'] },
      },
    };
    if (e2e) m.content_scripts = [...(m.content_scripts ?? []), structuredClone(E2E_BRIDGE)];
  }
  return m;
}
