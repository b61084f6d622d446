// "Inspect cookies": opens the cookie/session inspector for the current tab in a tab of its own.
import { useState } from 'preact/hooks';
import { activeTabUrl, openInspectorTab } from '../../platform/inspector-page.ts';
import { t } from '../i18n.ts';

export function InspectButton({ onError }: { onError?: (e: unknown) => void }) {
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const url = await activeTabUrl();
      if (!url || !/^https?:/i.test(url)) throw new Error(t('inspNoWebPage'));
      await openInspectorTab(url);
      window.close();
    } catch (e) {
      onError?.(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="inspect-cookies" disabled={busy} onClick={() => void open()}>
      {t('inspectCookies')}
    </button>
  );
}
