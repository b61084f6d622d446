// The selected cookie: every field, why it looks like a session token, its findings, and the
// actions on it: show or copy its value, Edit, Delete.
import type { InspectorRow } from './rows.ts';
import { counted, render, t } from '../i18n.ts';
import { expiresText } from './expires.ts';
import { FindingsList } from './findings-list.tsx';

interface Props {
  row: InspectorRow;
  now: number;
  /** Shown by the "Show values" switch or by this pane's own button. */
  revealed: boolean;
  /** Absent while the "Show values" switch shows every value. */
  onReveal: (() => void) | undefined;
  onCopy(): void;
  /** The store's name, only when the site's cookies are in several. */
  store: string | undefined;
  onEdit(): void;
  onDelete(): void;
  onClose(): void;
}

export function CookieDetails({ row, now, revealed, onReveal, onCopy, store, onEdit, onDelete, onClose }: Props) {
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
        <dd>
          <span class={revealed ? 'value' : 'value masked'}>{revealed ? c.value : t('inspValueHidden')}</span>
          <span class="value-actions">
            {onReveal && (
              <button
                type="button"
                class="mini"
                aria-pressed={revealed}
                aria-label={t(revealed ? 'inspHideValue' : 'inspRevealValue', name)}
                onClick={onReveal}
              >
                {t(revealed ? 'inspHide' : 'inspShow')}
              </button>
            )}
            <button type="button" class="mini" aria-label={t('inspCopyValue', name)} onClick={onCopy}>
              {t('inspCopy')}
            </button>
          </span>
        </dd>
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
        {store !== undefined && (
          <>
            <dt>{t('inspStore')}</dt>
            <dd>{store}</dd>
          </>
        )}
        <dt>{t('inspColSize')}</dt>
        <dd>{counted(row.size, 'countBytesOne', 'countBytesOther')}</dd>
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
