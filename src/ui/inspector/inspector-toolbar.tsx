// Above the table: the filter, the switch that shows values, how many cookies show, and the
// actions on the whole site.
import { counted } from '../../core/user-error.ts';
import { render, t } from '../i18n.ts';
import { isFiltering, type RowFilter } from './table-model.ts';

interface Props {
  filter: RowFilter;
  onFilter(patch: Partial<RowFilter>): void;
  showValues: boolean;
  onShowValues(on: boolean): void;
  shown: number;
  /** Undefined until the first read answers: no count is better than a false "0". */
  total: number | undefined;
  granted: boolean;
  onNew(): void;
  onReload(): void;
  onDeleteAll(): void;
}

function countText(shown: number, total: number, filtering: boolean): string {
  if (!filtering) return render(counted(total, 'inspTotalOne', 'inspTotalOther'));
  return render(counted(total, 'inspCountOne', 'inspCountOther', shown));
}

function Check({ on, label, onChange }: { on: boolean; label: string; onChange(on: boolean): void }) {
  return (
    <label class="check">
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

export function InspectorToolbar(p: Props) {
  const { filter, onFilter } = p;
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
      <Check on={filter.sessionOnly} label={t('inspSessionOnly')} onChange={(on) => onFilter({ sessionOnly: on })} />
      <Check on={filter.tokensOnly} label={t('inspTokensOnly')} onChange={(on) => onFilter({ tokensOnly: on })} />
      <Check on={filter.findingsOnly} label={t('inspFindingsOnly')} onChange={(on) => onFilter({ findingsOnly: on })} />
      <label class="check switch">
        <input
          type="checkbox"
          role="switch"
          checked={p.showValues}
          onChange={(e) => p.onShowValues(e.currentTarget.checked)}
        />
        {t('inspShowValues')}
      </label>
      <span class="count" role="status" aria-live="polite">
        {p.total !== undefined && countText(p.shown, p.total, isFiltering(filter))}
      </span>
      <span class="spacer-flex" />
      <button type="button" disabled={!p.granted} onClick={p.onNew}>
        {t('inspNewCookie')}
      </button>
      <button type="button" disabled={!p.granted} onClick={p.onReload}>
        {t('inspReload')}
      </button>
      <button type="button" class="danger" disabled={!p.granted || !p.total} onClick={p.onDeleteAll}>
        {t('inspDeleteAll')}
      </button>
    </div>
  );
}
