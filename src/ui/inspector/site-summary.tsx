// The Findings tab: counts by severity, site-wide findings (too many cookies, one name at several
// scopes, a token in the address) and the worst per-cookie findings, each with its reason and fix.
// Until the audit has run it says so: an early "Nothing to report" would be a false all-clear.
import { useMemo } from 'preact/hooks';
import type { SiteAudit } from '../../core/cookies/audit-site.ts';
import { compareFindings, type Finding } from '../../core/cookies/audit-finding.ts';
import { msg } from '../../core/user-error.ts';
import type { InspectorRow } from './rows.ts';
import { t } from '../i18n.ts';
import { FindingsList, SEVERITY_WORD } from './findings-list.tsx';

const MAX_LISTED = 40;

interface Props {
  audit: SiteAudit;
  audited: boolean;
  rows: readonly InspectorRow[];
}

export function SiteSummary({ audit, audited, rows }: Props) {
  const s = audit.summary;
  // Re-renders on every filter keystroke: the list over all cookies is made once per audit.
  const perCookie = useMemo(() => {
    const out: Finding[] = [];
    for (const r of rows)
      for (const f of r.findings) out.push({ ...f, title: msg('inspFindingOf', r.cookie.name, f.title) });
    return out.sort(compareFindings);
  }, [rows]);
  if (!audited) return <p class="muted">{t('inspAuditing')}</p>;
  const listed = perCookie.slice(0, MAX_LISTED);
  const counts = [
    ['high', 'High', s.high],
    ['medium', 'Medium', s.medium],
    ['low', 'Low', s.low],
    ['info', 'Info', s.info],
  ] as const;
  return (
    <section class="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('inspSummaryTitle')}</h2>
      <p class="counts">
        {counts.map(([cls, sev, n], i) => (
          <span key={cls}>
            {i > 0 && ' · '}
            <span class={`sev sev-${cls}`}>{t(SEVERITY_WORD[sev])}</span> {n}
          </span>
        ))}
      </p>
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
    </section>
  );
}
