// One saved tab in a session's detail: its title, a pin when pinned, its group as a small chip in
// the group's own colour; open it, remove it. A tab whose address carries a session token says so:
// whoever gets that address (an export, a shared link) is logged in as the person.
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
      {tab.pinned && (
        <span class="pin" role="img" aria-label={t('pinnedTab')} title={t('pinnedTab')}>
          📌
        </span>
      )}
      {hasUrlToken && (
        <span class="url-token" role="img" aria-label={t('tabHasUrlToken')} title={t('tabHasUrlToken')}>
          🔑
        </span>
      )}
      {group && (
        <span class={`group-chip group-${group.color}`} title={t('tabGroup', group.title || group.color)}>
          {group.title || group.color}
        </span>
      )}
      <span class="tab-title" title={tab.url}>
        {title}
      </span>
      <button type="button" class="small" aria-label={t('openTab', title)} title={t('openTab', title)} onClick={onOpen}>
        ↗
      </button>
      <button
        type="button"
        class="small danger"
        aria-label={t('removeTab', title)}
        title={t('removeTab', title)}
        onClick={onRemove}
      >
        ×
      </button>
    </li>
  );
}
