// Saved sessions, autosaves, closed windows, recovered and imported ones, each as its own group.
import type { AutomaticKind, Session, SessionKind } from '../../core/model.ts';
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

const ORIGINS: Record<AutomaticKind, MessageKey> = {
  autosave: 'originAutosave',
  'window-closed': 'originWindowClosed',
  recovered: 'originRecovered',
};

/** "Closed windows", or "Imported (was an autosave)" for an automatic snapshot from a backup. */
export function kindLabel({ kind, origin }: Pick<Session, 'kind' | 'origin'>): string {
  if (kind === 'imported' && origin && Object.hasOwn(ORIGINS, origin)) return t('kindImportedFrom', t(ORIGINS[origin]));
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
