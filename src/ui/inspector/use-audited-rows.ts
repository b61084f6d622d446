// The table's rows: shown first without the audit, which (entropy, decoding, scope checks over
// every cookie) follows a frame later, so thousands of cookies still appear at once.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SiteAudit } from '../../core/cookies/audit-site.ts';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { auditRows, plainRows, type InspectorRow } from './rows.ts';

export interface AuditedRows {
  rows: InspectorRow[];
  audit: SiteAudit;
  /** False while the rows wait for the audit: its findings are not known yet. */
  audited: boolean;
}

const EMPTY_AUDIT: SiteAudit = { perCookie: new Map(), site: [], summary: { high: 0, medium: 0, low: 0, info: 0 } };
const NO_COOKIES: readonly CookieRecord[] = [];

export function useAuditedRows(
  cookies: readonly CookieRecord[] | undefined,
  now: number,
  pageUrl: string,
): AuditedRows {
  const plain = useMemo(() => plainRows(cookies ?? NO_COOKIES), [cookies]);
  const [audited, setAudited] = useState<
    ({ rows: InspectorRow[]; audit: SiteAudit } & { from: InspectorRow[] }) | undefined
  >(undefined);
  useEffect(() => {
    // After the next frame has painted the plain rows: rAF runs before that paint, the timeout after it.
    let id: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      id = setTimeout(() => setAudited({ ...auditRows(plain, now, pageUrl), from: plain }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(id);
    };
  }, [plain, now, pageUrl]);
  return useMemo(
    () =>
      audited && audited.from === plain
        ? { rows: audited.rows, audit: audited.audit, audited: true }
        : { rows: plain, audit: EMPTY_AUDIT, audited: false },
    [audited, plain],
  );
}
