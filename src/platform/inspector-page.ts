// The few browser calls the inspector page and its popup button make themselves: the active tab's
// address, opening the standalone page, and the DevTools hooks when shown as a panel.
import { pageBrowser as browser } from './page-browser.ts';

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
  inspectedWindow: { tabId: number };
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

/** In the panel: the id of the inspected tab (its address comes from the worker). */
export function inspectedTabId(): number | undefined {
  return devtools()?.inspectedWindow.tabId;
}
