// Which page the inspector shows: the one in its address, or in DevTools the inspected tab's,
// followed from page to page.
import { useEffect, useState } from 'preact/hooks';
import { inDevtools, inspectedTabId, onInspectedNavigation } from '../../platform/inspector-page.ts';
import { call } from '../../shared/client.ts';

export function useInspectedUrl(initialUrl: string): string {
  const [url, setUrl] = useState(initialUrl);
  useEffect(() => {
    if (!inDevtools()) return;
    const tabId = inspectedTabId();
    if (!initialUrl && tabId !== undefined)
      void call('cookies.tabUrl', { tabId }).then(
        (r) => r.url && setUrl(r.url),
        () => undefined,
      );
    onInspectedNavigation((u) => setUrl(u));
  }, [initialUrl]);
  return url;
}
