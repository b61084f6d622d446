// What the audit reports. The inspector shows exactly the words High/Medium/Low/Info, so the
// severities of REFERENCE "Cookie audit rules" map onto them: "Error" (the browser drops the
// cookie) → High, "Warning" → Medium; the rest keep their names. The words themselves are
// messages, rendered by the inspector in its language.
import type { UserMessage } from '../user-error.ts';

export type Severity = 'High' | 'Medium' | 'Low' | 'Info';

export const SEVERITIES: readonly Severity[] = ['High', 'Medium', 'Low', 'Info'];

export interface Finding {
  /** Rule number in REFERENCE "Cookie audit rules" (1–14); 15 is a session token in the page's address. */
  rule: number;
  /** Stable identifier of the check, e.g. 'session-without-secure'. */
  id: string;
  severity: Severity;
  title: UserMessage;
  /** Why it matters for this cookie, in plain words. */
  reason: UserMessage;
  /** What the site's owner (or the person) can do about it. */
  fix: UserMessage;
  /** Site-level findings only: the cookieKey of every cookie involved. */
  cookies?: string[];
}

export interface SeveritySummary {
  high: number;
  medium: number;
  low: number;
  info: number;
}

export function summarize(findings: Iterable<Finding>): SeveritySummary {
  const s: SeveritySummary = { high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) {
    if (f.severity === 'High') s.high++;
    else if (f.severity === 'Medium') s.medium++;
    else if (f.severity === 'Low') s.low++;
    else s.info++;
  }
  return s;
}

const ORDER: Record<Severity, number> = { High: 0, Medium: 1, Low: 2, Info: 3 };

/** Worst first, then by rule number, so lists read the same every time. */
export function compareFindings(a: Finding, b: Finding): number {
  return ORDER[a.severity] - ORDER[b.severity] || a.rule - b.rule;
}
