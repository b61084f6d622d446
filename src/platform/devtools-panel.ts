// chrome.devtools.panels, for the DevTools page only (which has a reduced API set: no cookies —
// those go through the worker). The panel finds the inspected tab's address itself, from the tab
// id DevTools gives it: nothing is evaluated in the inspected page.
import { INSPECTOR_PATH } from './inspector-page.ts';

interface DevtoolsApi {
  panels: { create(title: string, icon: string, page: string, cb?: () => void): void };
}

export function createInspectorPanel(title: string): void {
  const d = (globalThis as unknown as { chrome?: { devtools?: DevtoolsApi } }).chrome?.devtools;
  if (!d) return;
  d.panels.create(title, 'icons/icon-32.png', INSPECTOR_PATH);
}
