// "Inspect cookies": opens the cookie/session inspector for the current tab in a tab of its own.
// On a tab that is not a web page there are no cookies to see: the button is off and says why.
import { useEffect, useState } from 'preact/hooks';
import { activeTabUrl, openInspectorTab } from '../../platform/inspector-page.ts';
import { t } from '../i18n.ts';

const isWeb = (url: string | undefined) => !!url && /^https?:/i.test(url);

export function InspectButton({ onError }: { onError?: (e: unknown) => void }) {
  const [busy, setBusy] = useState(false);
  // Undefined until known: the button waits rather than promising.
  const [url, setUrl] = useState<string | undefined | null>(null);
  useEffect(() => {
    activeTabUrl().then(setUrl, () => setUrl(undefined));
  }, []);
  const web = isWeb(url ?? undefined);
  const open = async () => {
    setBusy(true);
    try {
      await openInspectorTab(url!);
      window.close();
    } catch (e) {
      onError?.(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        class="tool inspect-cookies"
        aria-label={t('inspectCookies')}
        title={web || url === null ? t('inspectCookies') : t('inspNoWebPage')}
        aria-describedby={web || url === null ? undefined : 'inspect-why'}
        disabled={busy || !web}
        onClick={() => void open()}
      >
        <span aria-hidden="true">◎</span> {t('toolCookies')}
      </button>
      {!web && url !== null && (
        <span id="inspect-why" class="tool-why" title={t('inspNoWebPage')}>
          {t('inspectNotWeb')}
        </span>
      )}
    </>
  );
}
