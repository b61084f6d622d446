// The selected cookie: every field, why it looks like a session token, its findings, and the
// Edit / Delete actions.
import type { InspectorRow } from './rows.ts';
import { render, t } from '../i18n.ts';
import { expiresText } from './expires.ts';
import { FindingsList } from './findings-list.tsx';

interface Props {
  row: InspectorRow;
  now: number;
  revealed: boolean;
  onEdit(): void;
  onDelete(): void;
  onClose(): void;
}

export function CookieDetails({ row, now, revealed, onEdit, onDelete, onClose }: Props) {
  const c = row.cookie;
  const exp = expiresText(c, now);
  const name = c.name || t('inspEmptyName');
  return (
    <section class="details" aria-labelledby="details-title">
      <header class="pane-head">
        <h2 id="details-title">{t('inspDetailsTitle', name)}</h2>
        <button type="button" onClick={onClose}>
          {t('inspClose')}
        </button>
      </header>
      <dl class="fields">
        <dt>{t('inspColValue')}</dt>
        <dd class="value">{revealed ? c.value : t('inspValueHidden')}</dd>
        <dt>{t('inspColDomain')}</dt>
        <dd>
          {c.domain} {c.hostOnly ? `(${t('inspHostOnly')})` : `(${t('inspDomainCookie')})`}
        </dd>
        <dt>{t('inspColPath')}</dt>
        <dd>{c.path}</dd>
        <dt>{t('inspColExpires')}</dt>
        <dd>{exp.session ? t('inspSession') : `${exp.date} (${exp.relative})`}</dd>
        <dt>{t('inspColFlags')}</dt>
        <dd>{row.flags.join(' · ')}</dd>
        <dt>{t('inspPartition')}</dt>
        <dd>{c.partitionKey ? (c.partitionKey.topLevelSite ?? '?') : t('inspNotPartitioned')}</dd>
        <dt>{t('inspStore')}</dt>
        <dd>{c.storeId}</dd>
        <dt>{t('inspColSize')}</dt>
        <dd>{t('inspBytes', row.size)}</dd>
        <dt>{t('inspColToken')}</dt>
        <dd>{row.token ? render(row.token) : t('inspNotToken')}</dd>
      </dl>
      <h3>{t('inspFindings')}</h3>
      <FindingsList findings={row.findings} label={t('inspFindingsFor', name)} />
      <div class="row-actions">
        <button type="button" onClick={onEdit}>
          {t('inspEdit')}
        </button>
        <button type="button" class="danger" onClick={onDelete}>
          {t('inspDelete')}
        </button>
      </div>
    </section>
  );
}
