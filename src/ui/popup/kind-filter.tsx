// Saved sessions, autosaves, closed windows, recovered and imported ones, each as its own group.
import type { SessionKind } from '../../core/model.ts';
import { t } from '../i18n.ts';
import type { MessageKey } from '../message-keys.ts';

export type KindFilter = SessionKind | 'all';

const LABELS: Record<KindFilter, MessageKey> = {
  all: 'kindAll',
  manual: 'kindManual',
  autosave: 'kindAutosave',
  'window-closed': 'kindWindowClosed',
  recovered: 'kindRecovered',
  imported: 'kindImported',
};

export function kindLabel(kind: SessionKind): string {
  return t(LABELS[kind]);
}

export function KindSelect({
  value,
  counts,
  onChange,
}: {
  value: KindFilter;
  counts: Map<KindFilter, number>;
  onChange: (k: KindFilter) => void;
}) {
  return (
    <select aria-label={t('showKind')} value={value} onChange={(e) => onChange(e.currentTarget.value as KindFilter)}>
      {(Object.keys(LABELS) as KindFilter[]).map((k) => (
        <option key={k} value={k}>{`${t(LABELS[k])} (${counts.get(k) ?? 0})`}</option>
      ))}
    </select>
  );
}
