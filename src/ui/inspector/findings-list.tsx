// Audit findings: the severity word, what is wrong, why, and the fix — one line each.
import type { Finding } from '../../core/cookies/audit-finding.ts';
import { t } from '../i18n.ts';

export function FindingsList({ findings, label }: { findings: readonly Finding[]; label: string }) {
  if (!findings.length) return <p class="muted">{t('inspNoFindings')}</p>;
  return (
    <ul class="findings" aria-label={label}>
      {findings.map((f, i) => (
        <li key={`${f.id}-${i}`}>
          <span class={`sev sev-${f.severity.toLowerCase()}`}>{f.severity}</span> <strong>{f.title}</strong>
          <div class="reason">{f.reason}</div>
          <div class="fix">
            <span class="muted">{t('inspFix')}</span> {f.fix}
          </div>
        </li>
      ))}
    </ul>
  );
}
