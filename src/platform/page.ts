// Browser calls that extension pages (popup, options, inspector) make themselves.
import { pageBrowser as browser } from './page-browser.ts';

export function getMessage(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

export async function currentWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getCurrent()).id;
  } catch {
    return undefined;
  }
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/** Opens the settings page at one of its sections (`#id`) in a new tab, e.g. from the popup. */
export async function openOptionsSection(sectionId: string): Promise<void> {
  const page = browser.runtime.getManifest().options_ui?.page ?? 'src/ui/options/index.html';
  await browser.tabs.create({ url: `${browser.runtime.getURL(page)}#${encodeURIComponent(sectionId)}` });
}

/** Opens one of the extension's own pages (`path` may end in `#view`) in a new tab. */
export async function openExtensionTab(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
