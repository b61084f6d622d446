// The export's passphrase for the cookies: typed twice, its strength shown, and a weak one only by
// an explicit choice. What may be exported is decided by passphraseGate; this renders it.
import type { Strength } from '../../components/passphrase-strength.ts';
import type { MessageKey } from '../../message-keys.ts';
import { t } from '../../i18n.ts';
import { isWeak, type PassphraseGate, type PassphraseProblem } from './passphrase-gate.ts';

export const PASSPHRASE_PROBLEM_ID = 'ie-export-pass-problem';

const PROBLEM: Record<PassphraseProblem, MessageKey> = {
  confirm: 'ieExportPassNeedsConfirm',
  mismatch: 'ieExportPassMismatch',
  checking: 'ieExportPassChecking',
  weak: 'ieExportPassWeak',
};

const WORD: MessageKey[] = [
  'ieExportPassStrength0',
  'ieExportPassStrength1',
  'ieExportPassStrength2',
  'ieExportPassStrength3',
  'ieExportPassStrength4',
];

function strengthWord(s: Strength): string {
  if (s === 'pending') return t('ieExportPassStrengthChecking');
  if (s === 'unknown') return t('ieExportPassStrengthUnknown');
  return t(WORD[s] ?? 'ieExportPassStrength0');
}

interface Props {
  passphrase: string;
  confirm: string;
  useWeakAnyway: boolean;
  strength: Strength;
  gate: PassphraseGate;
  onPassphrase(v: string): void;
  onConfirm(v: string): void;
  onUseWeakAnyway(v: boolean): void;
}

export function ExportPassphrase(p: Props) {
  const typed = p.passphrase !== '';
  return (
    <div class="ie-passphrase">
      <label>
        {t('ieExportPassphrase')}
        <input
          type="password"
          autocomplete="new-password"
          value={p.passphrase}
          aria-describedby="ie-export-pass-help"
          onInput={(e) => p.onPassphrase(e.currentTarget.value)}
        />
      </label>
      <p id="ie-export-pass-help" class="muted">
        {t('ieExportPassphraseHelp')}
      </p>
      {typed && (
        <>
          <label>
            {t('ieExportConfirmPassphrase')}
            <input
              type="password"
              autocomplete="new-password"
              value={p.confirm}
              aria-invalid={!p.gate.ok && p.gate.problem === 'mismatch'}
              onInput={(e) => p.onConfirm(e.currentTarget.value)}
            />
          </label>
          <div class="ie-strength">
            <label for="ie-export-strength">{t('ieExportPassStrength')}</label>
            <meter
              id="ie-export-strength"
              min={0}
              max={4}
              low={2.5}
              high={3.5}
              optimum={4}
              value={typeof p.strength === 'number' ? p.strength : 0}
              aria-valuetext={strengthWord(p.strength)}
            />
            <span>{strengthWord(p.strength)}</span>
          </div>
          {isWeak(p.strength) && (
            <label>
              <input
                type="checkbox"
                checked={p.useWeakAnyway}
                onChange={(e) => p.onUseWeakAnyway(e.currentTarget.checked)}
              />
              {t('ieExportPassUseWeak')}
            </label>
          )}
        </>
      )}
      <p id={PASSPHRASE_PROBLEM_ID} class="problem" aria-live="polite">
        {!p.gate.ok && t(PROBLEM[p.gate.problem])}
      </p>
    </div>
  );
}
