// Settings › Cookie vault lock: what the default protects against and what the lock adds, turning
// the lock on (passphrase twice) or off (the passphrase), unlocking, locking now, changing the
// passphrase, and "I forgot the passphrase" (every kept cookie deleted, sessions kept).
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { VaultStatus } from '../../shared/messages/vault-messages.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { errorText } from '../error-text.ts';
import { counted, t } from '../i18n.ts';
import type { MessageKey } from '../message-keys.ts';
import { GOOD_ENOUGH, passphraseStrength, type Strength } from './vault-strength.ts';

const STRENGTH_TEXT: readonly MessageKey[] = [
  'vaultStrength0',
  'vaultStrength1',
  'vaultStrength2',
  'vaultStrength3',
  'vaultStrength4',
];

/** Which form shows: one at a time, so no two fields share a name. */
type Form = 'none' | 'turn-on' | 'turn-off' | 'change' | 'forget';

export function CookieVaultSection() {
  const [status, setStatus] = useState<VaultStatus | undefined>(undefined);
  const [form, setForm] = useState<Form>('none');
  const [note, setNote] = useState<Status | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const fail = (e: unknown) => setNote({ kind: 'error', text: t('errorPrefix', errorText(e)) });

  useEffect(() => {
    call('vault.status', {}).then(setStatus, fail);
  }, []);

  /** Runs a switch; on success shows `done` and closes the form. */
  const run = async (work: () => Promise<VaultStatus>, done: MessageKey) => {
    setBusy(true);
    try {
      setStatus(await work());
      setForm('none');
      setNote({ kind: 'info', text: t(done) });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  if (!status) return null;
  const on = status.state !== 'off';
  const stateText =
    status.state === 'unlocked' ? t('vaultStateUnlocked') : status.state === 'locked' ? t('vaultStateLocked') : '';

  return (
    <fieldset id="vault">
      <legend>{t('vaultSection')}</legend>
      <label>
        <input
          type="checkbox"
          checked={form === 'turn-on' || (on && form !== 'turn-off')}
          disabled={busy}
          onChange={(e) => {
            setNote(undefined);
            if (e.currentTarget.checked) setForm(on ? 'none' : 'turn-on');
            else setForm(on ? 'turn-off' : 'none');
          }}
        />
        {t('vaultLockLabel')}
      </label>
      <p class="hint">{t('vaultWhatOffProtects')}</p>
      <p class="hint">{t('vaultWhatOnProtects')}</p>
      {stateText && (
        <p class={status.state === 'locked' ? 'hint warn' : 'hint'} role="status">
          {stateText}
        </p>
      )}

      {form === 'turn-on' && (
        <NewPassphrase
          minChars={status.minChars}
          labels={['vaultPassphrase', 'vaultConfirm']}
          submit="vaultTurnOn"
          busy={busy}
          onSubmit={(passphrase) => void run(() => call('vault.turnOn', { passphrase }), 'vaultTurnedOn')}
          onCancel={() => setForm('none')}
        />
      )}
      {form === 'turn-off' && (
        <OnePassphrase
          submit="vaultTurnOffSubmit"
          busy={busy}
          onSubmit={(passphrase) => void run(() => call('vault.turnOff', { passphrase }), 'vaultTurnedOff')}
          onCancel={() => setForm('none')}
        />
      )}
      {on && form === 'none' && status.state === 'locked' && (
        <OnePassphrase
          submit="vaultUnlock"
          busy={busy}
          onSubmit={(passphrase) => void run(() => call('vault.unlock', { passphrase }), 'vaultUnlocked')}
        />
      )}
      {form === 'change' && (
        <ChangePassphrase
          minChars={status.minChars}
          busy={busy}
          onSubmit={(current, next) =>
            void run(() => call('vault.changePassphrase', { current, next }), 'vaultChanged')
          }
          onCancel={() => setForm('none')}
        />
      )}
      {form === 'forget' && (
        <div role="group" aria-label={t('vaultForget')}>
          <p>{t('vaultForgetConfirm')}</p>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() => void run(() => call('vault.forget', {}), 'vaultForgotten')}
          >
            {t('vaultForgetYes')}
          </button>
          <button type="button" onClick={() => setForm('none')}>
            {t('vaultCancel')}
          </button>
        </div>
      )}
      {on && form === 'none' && (
        <div class="row">
          {status.state === 'unlocked' && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => call('vault.lock', {}), 'vaultLockedNow')}
            >
              {t('vaultLockNow')}
            </button>
          )}
          <button type="button" onClick={() => setForm('change')}>
            {t('vaultChangeHeading')}
          </button>
          <button type="button" onClick={() => setForm('forget')}>
            {t('vaultForget')}
          </button>
        </div>
      )}
      <StatusLine status={note} />
    </fieldset>
  );
}

interface NewProps {
  minChars: number;
  labels: [MessageKey, MessageKey];
  submit: MessageKey;
  busy: boolean;
  onSubmit(passphrase: string): void;
  onCancel(): void;
}

/**
 * A new passphrase, typed twice: the two must match and be long enough before it is sent, and a
 * guessable one (zxcvbn below GOOD_ENOUGH) needs "use it anyway".
 */
function NewPassphrase({ minChars, labels, submit, busy, onSubmit, onCancel }: NewProps) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [problem, setProblem] = useState('');
  const [strength, setStrength] = useState<{ of: string; score: Strength } | undefined>(undefined);
  const [anyway, setAnyway] = useState(false);

  useEffect(() => {
    if (!a) return;
    let live = true;
    const timer = setTimeout(() => {
      void passphraseStrength(a).then((score) => live && setStrength({ of: a, score }));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [a]);
  const score = a && strength?.of === a ? strength.score : undefined;
  const weak = score !== undefined && score < GOOD_ENOUGH;

  return (
    <form
      class="vault-form"
      onSubmit={(e) => {
        e.preventDefault();
        if ([...a].length < minChars)
          return setProblem(counted(minChars, 'errVaultPassphraseShortOne', 'errVaultPassphraseShortOther'));
        if (a !== b) return setProblem(t('vaultPassphrasesDiffer'));
        // Scored here too: a submit can come before the meter's (debounced) answer.
        void passphraseStrength(a).then((s) => {
          setStrength({ of: a, score: s });
          if (s < GOOD_ENOUGH && !anyway) return setProblem(t('vaultWeakRefused'));
          setProblem('');
          onSubmit(a);
        });
      }}
    >
      <PassField label={labels[0]} value={a} onInput={setA} autocomplete="new-password" />
      <p class={weak ? 'hint warn' : 'hint'} aria-live="polite">
        {score === undefined ? '' : t(STRENGTH_TEXT[score]!)}
      </p>
      {weak && (
        <label>
          <input type="checkbox" checked={anyway} onChange={(e) => setAnyway(e.currentTarget.checked)} />
          {t('vaultWeakAnyway')}
        </label>
      )}
      <PassField label={labels[1]} value={b} onInput={setB} autocomplete="new-password" />
      {problem && (
        <p class="hint warn" role="alert">
          {problem}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t(submit)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('vaultCancel')}
        </button>
      </div>
    </form>
  );
}

/** The current passphrase, once (unlock, turn off). */
function OnePassphrase({
  submit,
  busy,
  onSubmit,
  onCancel,
}: {
  submit: MessageKey;
  busy: boolean;
  onSubmit(passphrase: string): void;
  onCancel?(): void;
}) {
  const [value, setValue] = useState('');
  return (
    <form
      class="vault-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(value);
      }}
    >
      <PassField label="vaultPassphrase" value={value} onInput={setValue} autocomplete="current-password" />
      <div class="row">
        <button type="submit" class="primary" disabled={busy || value.length === 0}>
          {t(submit)}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('vaultCancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function ChangePassphrase({
  minChars,
  busy,
  onSubmit,
  onCancel,
}: {
  minChars: number;
  busy: boolean;
  onSubmit(current: string, next: string): void;
  onCancel(): void;
}) {
  const [current, setCurrent] = useState('');
  return (
    <div role="group" aria-label={t('vaultChangeHeading')}>
      <PassField label="vaultCurrent" value={current} onInput={setCurrent} autocomplete="current-password" />
      <NewPassphrase
        minChars={minChars}
        labels={['vaultNew', 'vaultConfirmNew']}
        submit="vaultChangeHeading"
        busy={busy}
        onSubmit={(next) => onSubmit(current, next)}
        onCancel={onCancel}
      />
    </div>
  );
}

function PassField({
  label,
  value,
  onInput,
  autocomplete,
}: {
  label: MessageKey;
  value: string;
  onInput(v: string): void;
  autocomplete: string;
}) {
  return (
    <label>
      {t(label)}
      <input
        type="password"
        autocomplete={autocomplete}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );
}
