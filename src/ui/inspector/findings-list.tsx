// Audit findings: the severity word, what is wrong, why, and the fix — one line each. The audit
// names its words as messages; they are rendered here, in the page's language.
import type { Finding, Severity } from '../../core/cookies/audit-finding.ts';
import type { MessageKey } from '../message-keys.ts';
import { render, t } from '../i18n.ts';

export const SEVERITY_WORD: Record<Severity, MessageKey> = {
  High: 'severityHigh',
  Medium: 'severityMedium',
  Low: 'severityLow',
  Info: 'severityInfo',
};

export function FindingsList({ findings, label }: { findings: readonly Finding[]; label: string }) {
  if (!findings.length) return <p class="muted">{t('inspNoFindings')}</p>;
  return (
    <ul class="findings" aria-label={label}>
      {findings.map((f, i) => (
        <li key={`${f.id}-${i}`}>
          <span class={`sev sev-${f.severity.toLowerCase()}`}>{t(SEVERITY_WORD[f.severity])}</span>{' '}
          <strong>{render(f.title)}</strong>
          <div class="reason">{render(f.reason)}</div>
          <div class="fix">
            <span class="muted">{t('inspFix')}</span> {render(f.fix)}
          </div>
        </li>
      ))}
    </ul>
  );
}
