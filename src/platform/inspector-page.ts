// The few browser calls the inspector page and its popup button make themselves: the active tab's
// address, opening the standalone page, and the DevTools hooks when shown as a panel.
import { browser } from './browser.ts';

export const INSPECTOR_PATH = 'src/ui/inspector/index.html';

export function inspectorUrl(pageUrl: string): string {
  return browser.runtime.getURL(`${INSPECTOR_PATH}?url=${encodeURIComponent(pageUrl)}`);
}

export async function activeTabUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

export async function openInspectorTab(pageUrl: string): Promise<void> {
  await browser.tabs.create({ url: inspectorUrl(pageUrl) });
}

interface DevtoolsNamespace {
  inspectedWindow: { tabId: number; eval(expr: string, cb: (result: unknown, err?: unknown) => void): void };
  network?: { onNavigated: { addListener(cb: (url: string) => void): void } };
}

function devtools(): DevtoolsNamespace | undefined {
  return (globalThis as unknown as { chrome?: { devtools?: DevtoolsNamespace } }).chrome?.devtools;
}

/** True when this page runs inside DevTools (as the panel). */
export function inDevtools(): boolean {
  return !!devtools()?.inspectedWindow;
}

/** In the panel: follows the inspected tab to each new page. */
export function onInspectedNavigation(cb: (url: string) => void): void {
  devtools()?.network?.onNavigated.addListener(cb);
}

/** In the panel: the inspected page's address now. */
export function inspectedUrl(): Promise<string | undefined> {
  const d = devtools();
  if (!d) return Promise.resolve(undefined);
  return new Promise((resolve) => d.inspectedWindow.eval('location.href', (r) => resolve(typeof r === 'string' ? r : undefined)));
}
