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
    const bg = m.background as { service_worker: string };
    m.background = { scripts: [bg.service_worker], type: 'module' };
    delete m.minimum_chrome_version;
    m.permissions = (m.permissions ?? []).filter((p) => p !== 'favicon' && p !== 'tabGroups');
    m.browser_specific_settings = {
      gecko: { id: 'tabularium@tabularium.example', strict_min_version: '128.0' },
    };
  }
  return m;
}
