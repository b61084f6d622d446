// Opening the full-page manager from another extension page (the popup's "All sessions").
import { openExtensionTab } from '../platform/page.ts';
import { MANAGER_PAGE_PATH } from './manager-page-path.ts';

/** Opens the manager in a new tab, at one of its views (`#history`) when given. */
export function openManagerPage(view?: string): Promise<void> {
  return openExtensionTab(MANAGER_PAGE_PATH + (view ? `#${encodeURIComponent(view)}` : ''));
}
