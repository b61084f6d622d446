// The popup's doors to other extension pages, and the keyboard shortcuts it tells a newcomer about.
import { pageBrowser as browser } from './page-browser.ts';

/** Opens one of the extension's own pages (e.g. the full-page manager) in a new tab. */
export async function openExtensionTab(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}

export interface Shortcut {
  /** The command's name in the manifest (`_execute_action`, `save-all-windows`…). */
  name: string;
  keys: string;
  /** The browser has no keys for it now (a clash, or the person removed them): `keys` is only suggested. */
  unset: boolean;
}

/**
 * The shortcuts as the browser has them now (a person may have changed them); one the browser did
 * not set is given as the manifest suggests it, marked `unset`.
 */
export async function commandShortcuts(): Promise<Shortcut[]> {
  const suggested = (browser.runtime.getManifest().commands ?? {}) as Record<
    string,
    { suggested_key?: { default?: string } }
  >;
  let live: { name?: string; shortcut?: string }[] = [];
  try {
    live = await browser.commands.getAll();
  } catch {
    // Not offered to this page (older Firefox): the manifest's suggestions stand.
  }
  const names = Object.keys(suggested);
  return names
    .map((name) => {
      const now = live.find((c) => c.name === name)?.shortcut ?? '';
      return { name, keys: now || (suggested[name]?.suggested_key?.default ?? ''), unset: !now };
    })
    .filter((s) => s.keys);
}
