// Which site the inspector shows and its address; where its cookies are kept only when that is
// more than one place (normal and private windows, containers).
import type { CookieStoreSummary } from '../../shared/messages/cookies-messages.ts';
import { render, t } from '../i18n.ts';
import { storeEntries } from './store-words.ts';

interface Props {
  host: string;
  url: string;
  stores: readonly CookieStoreSummary[];
}

export function InspectorHeader({ host, url, stores }: Props) {
  const entries = storeEntries(stores);
  return (
    <header class="top">
      <h1 id="insp-title">{t('inspTitle', host || url)}</h1>
      <p class="muted url">{url}</p>
      {entries.length > 0 && <p class="muted stores">{t('inspStores', entries.map(render).join(', '))}</p>}
    </header>
  );
}
