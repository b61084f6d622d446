// Above the table: the filter, how many cookies show, and the actions on the whole site.
import { t } from '../i18n.ts';
import type { RowFilter } from './table-model.ts';

interface Props {
  filter: RowFilter;
  onFilter(patch: Partial<RowFilter>): void;
  shown: number;
  total: number;
  granted: boolean;
  onNew(): void;
  onReload(): void;
  onDeleteAll(): void;
}

export function InspectorToolbar({ filter, onFilter, shown, total, granted, onNew, onReload, onDeleteAll }: Props) {
  return (
    <div class="toolbar" role="toolbar" aria-label={t('inspToolbar')}>
      {/* A textbox, as the UI contract names it (a searchbox is the popup's); Escape clears it all the same. */}
      <input
        type="text"
        class="filter"
        aria-label={t('inspFilter')}
        placeholder={t('inspFilter')}
        value={filter.query}
        onInput={(e) => onFilter({ query: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter.query) {
            e.preventDefault();
            onFilter({ query: '' });
          }
        }}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={filter.sessionOnly}
          onChange={(e) => onFilter({ sessionOnly: e.currentTarget.checked })}
        />
        {t('inspSessionOnly')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={filter.tokensOnly}
          onChange={(e) => onFilter({ tokensOnly: e.currentTarget.checked })}
        />
        {t('inspTokensOnly')}
      </label>
      <span class="count" role="status" aria-live="polite">
        {t('inspCount', shown, total)}
      </span>
      <span class="spacer-flex" />
      <button type="button" disabled={!granted} onClick={onNew}>
        {t('inspNewCookie')}
      </button>
      <button type="button" disabled={!granted} onClick={onReload}>
        {t('inspReload')}
      </button>
      <button type="button" class="danger" disabled={!granted || total === 0} onClick={onDeleteAll}>
        {t('inspDeleteAll')}
      </button>
    </div>
  );
}
