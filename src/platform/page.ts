// Browser calls that extension pages (popup, options, inspector) make themselves.
import { browser } from './browser.ts';

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

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}
