// chrome.devtools.panels, for the DevTools page only (which has a reduced API set: no i18n from
// the polyfill is needed beyond what it exposes, no cookies — those go through the worker).
import { INSPECTOR_PATH } from './inspector-page.ts';

interface DevtoolsApi {
  inspectedWindow: { eval(expr: string, cb: (result: unknown) => void): void };
  panels: { create(title: string, icon: string, page: string, cb?: () => void): void };
}

export function createInspectorPanel(title: string): void {
  const d = (globalThis as unknown as { chrome?: { devtools?: DevtoolsApi } }).chrome?.devtools;
  if (!d) return;
  // The panel gets the inspected page's URL in its query, like the standalone page.
  d.inspectedWindow.eval('location.href', (href) => {
    const url = typeof href === 'string' ? href : '';
    d.panels.create(title, 'icons/icon-32.png', `${INSPECTOR_PATH}?url=${encodeURIComponent(url)}`);
  });
}
