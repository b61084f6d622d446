import type { Session } from '../../core/model.ts';
import { t } from '../i18n.ts';

export type SortOrder = 'newest' | 'oldest' | 'name';

/** How the popup orders names (sessions, tags): case-blind, numbers by value. */
export const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function sortSessions(list: Session[], order: SortOrder): Session[] {
  if (order === 'newest') return list; // the worker lists newest first
  const out = [...list];
  if (order === 'oldest') out.reverse();
  else out.sort((a, b) => nameCollator.compare(a.name, b.name));
  return out;
}

export function SortSelect({ value, onChange }: { value: SortOrder; onChange: (o: SortOrder) => void }) {
  return (
    <select aria-label={t('sortBy')} value={value} onChange={(e) => onChange(e.currentTarget.value as SortOrder)}>
      <option value="newest">{t('sortNewest')}</option>
      <option value="oldest">{t('sortOldest')}</option>
      <option value="name">{t('sortName')}</option>
    </select>
  );
}
