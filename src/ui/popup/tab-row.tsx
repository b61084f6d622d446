// One saved tab in a session's detail: its title and chips, open it, remove it. A tab whose
// address carries a session token says so: whoever gets that address (an export, a shared link)
// is logged in as the person.
import type { GroupRecord, TabRecord } from '../../core/model.ts';
import { Favicon } from '../components/favicon.tsx';
import { t } from '../i18n.ts';

interface Props {
  tab: TabRecord;
  group: GroupRecord | undefined;
  /** Its address carries a session token (core/url-tokens.ts, decided by the worker). */
  hasUrlToken: boolean;
  onOpen: () => void;
  onRemove: () => void;
}

export function TabRow({ tab, group, hasUrlToken, onOpen, onRemove }: Props) {
  const title = tab.title || tab.url;
  return (
    <li class="tab">
      <Favicon pageUrl={tab.url} />
      {hasUrlToken && (
        <span class="url-token" role="img" aria-label={t('tabHasUrlToken')} title={t('tabHasUrlToken')}>
          🔑
        </span>
      )}
      <span class="tab-text">
        <span class="tab-title" title={tab.url}>
          {title}
        </span>
        {tab.pinned && <span class="chip">{t('pinned')}</span>}
        {group && <span class={`chip group-${group.color}`}>{group.title || group.color}</span>}
      </span>
      <button type="button" class="small" aria-label={t('openTab', title)} onClick={onOpen}>
        ↗
      </button>
      <button type="button" class="small danger" aria-label={t('removeTab', title)} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}
