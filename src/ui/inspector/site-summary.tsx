// The site's audit at a glance: counts by severity, site-wide findings (too many cookies, one name
// at several scopes) and the worst per-cookie findings, each with its reason and fix.
import { useMemo } from 'preact/hooks';
import type { SiteAudit } from '../../core/cookies/audit-site.ts';
import { compareFindings, type Finding } from '../../core/cookies/audit-finding.ts';
import { msg } from '../../core/user-error.ts';
import type { InspectorRow } from './rows.ts';
import { t } from '../i18n.ts';
import { FindingsList } from './findings-list.tsx';

const MAX_LISTED = 40;

export function SiteSummary({ audit, rows }: { audit: SiteAudit; rows: readonly InspectorRow[] }) {
  const s = audit.summary;
  // Re-renders on every filter keystroke: the list over all cookies is made once per audit.
  const perCookie = useMemo(() => {
    const out: Finding[] = [];
    for (const r of rows)
      for (const f of r.findings) out.push({ ...f, title: msg('inspFindingOf', r.cookie.name, f.title) });
    return out.sort(compareFindings);
  }, [rows]);
  const listed = perCookie.slice(0, MAX_LISTED);
  return (
    <details class="summary" open>
      <summary>
        <h2>{t('inspSummaryTitle')}</h2>{' '}
        <span class="counts">
          <span class="sev sev-high">High</span> {s.high} · <span class="sev sev-medium">Medium</span> {s.medium} ·{' '}
          <span class="sev sev-low">Low</span> {s.low} · <span class="sev sev-info">Info</span> {s.info}
        </span>
      </summary>
      {audit.site.length > 0 && (
        <>
          <h3>{t('inspSiteFindings')}</h3>
          <FindingsList findings={audit.site} label={t('inspSiteFindings')} />
        </>
      )}
      <h3>{t('inspCookieFindings')}</h3>
      <FindingsList findings={listed} label={t('inspCookieFindings')} />
      {perCookie.length > listed.length && (
        <p class="muted">{t('inspMoreFindings', perCookie.length - listed.length)}</p>
      )}
    </details>
  );
}
