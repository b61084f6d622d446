// Which site the inspector shows, its address, and how many of its cookies each store holds.
import type { CookieStoreSummary } from '../../shared/messages/cookies-messages.ts';
import { t } from '../i18n.ts';

interface Props {
  host: string;
  url: string;
  stores: readonly CookieStoreSummary[];
}

export function InspectorHeader({ host, url, stores }: Props) {
  return (
    <header class="top">
      <h1 id="insp-title">{t('inspTitle', host || url)}</h1>
      <p class="muted url">{url}</p>
      {stores.length > 0 && (
        <p class="muted">
          {t(
            'inspStores',
            stores.map((s) => `${s.id}${s.incognito ? ` (${t('inspIncognito')})` : ''}: ${s.count}`).join(', '),
          )}
        </p>
      )}
    </header>
  );
}
