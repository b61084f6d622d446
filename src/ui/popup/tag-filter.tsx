// Filter the list by one tag: exactly that tag, not every tag that starts with the same letters.
import type { Session } from '../../core/model.ts';
import { t } from '../i18n.ts';
import { nameCollator } from './sort-select.tsx';

/** Each tag in use, with how many sessions carry it, in name order. */
export function tagCounts(sessions: readonly Session[]): [string, number][] {
  const m = new Map<string, number>();
  for (const s of sessions) for (const tag of s.tags) m.set(tag, (m.get(tag) ?? 0) + 1);
  return [...m].sort((a, b) => nameCollator.compare(a[0], b[0]));
}

export function TagSelect({
  value,
  tags,
  onChange,
}: {
  value: string;
  tags: [string, number][];
  onChange: (tag: string) => void;
}) {
  return (
    <select aria-label={t('showTag')} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{t('tagAll')}</option>
      {tags.map(([tag, n]) => (
        <option key={tag} value={tag}>{`#${tag} (${n})`}</option>
      ))}
    </select>
  );
}
