// Create or edit one cookie. Problems the browser would refuse are shown before saving; a refusal
// the browser still makes comes back with its own reason.
import { useState } from 'preact/hooks';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { render, t } from '../i18n.ts';
import { errorText } from '../error-text.ts';
import { cookieFromDraft, draftProblem, type CookieDraft } from './cookie-draft.ts';
import { DraftCheck, DraftText, SameSiteSelect, StoreSelect, type SetDraft } from './draft-fields.tsx';
import type { Flavour } from '../../core/flavour.ts';

interface Props {
  initial: CookieDraft;
  editing?: CookieRecord;
  stores: readonly string[];
  browser: Flavour;
  onSave(cookie: CookieRecord, replaces?: CookieRecord): Promise<void>;
  onCancel(): void;
}

export function CookieEditor({ initial, editing, stores, browser, onSave, onCancel }: Props) {
  const [d, setD] = useState<CookieDraft>(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const set: SetDraft = (k, v) => setD((cur) => ({ ...cur, [k]: v }));
  const found = draftProblem(d, browser, Date.now());
  const problem = found && render(found);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSave(cookieFromDraft(d, editing), editing);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const title = editing ? t('inspEditTitle', editing.name) : t('inspNewTitle');
  return (
    <form class="editor" aria-label={title} onSubmit={(e) => void submit(e)}>
      <h2>{title}</h2>
      <DraftText draft={d} field="name" label={t('inspColName')} set={set} />
      <label>
        {t('inspColValue')}
        <textarea rows={3} value={d.value} onInput={(e) => set('value', e.currentTarget.value)} />
      </label>
      <DraftText draft={d} field="domain" label={t('inspColDomain')} set={set} />
      <DraftCheck draft={d} field="hostOnly" label={t('inspHostOnlyLabel')} set={set} />
      <DraftText draft={d} field="path" label={t('inspColPath')} set={set} />
      <DraftCheck draft={d} field="secure" label="Secure" set={set} />
      <DraftCheck draft={d} field="httpOnly" label="HttpOnly" set={set} />
      <SameSiteSelect draft={d} set={set} browser={browser} />
      <DraftCheck draft={d} field="session" label={t('inspSessionLabel')} set={set} />
      {!d.session && (
        <DraftText draft={d} field="expires" type="datetime-local" label={t('inspColExpires')} set={set} />
      )}
      <DraftCheck draft={d} field="partitioned" label={t('inspPartitionedLabel')} set={set} />
      {d.partitioned && (
        <DraftText
          draft={d}
          field="topLevelSite"
          label={t('inspTopLevelSite')}
          placeholder="https://example.com"
          set={set}
        />
      )}
      {stores.length > 1 && <StoreSelect draft={d} set={set} stores={stores} />}
      {problem && !error && (
        <p class="problem" role="status">
          {problem}
        </p>
      )}
      {error && (
        <p class="problem" role="alert">
          {t('inspRefused', error)}
        </p>
      )}
      <div class="row-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('inspSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('inspCancel')}
        </button>
      </div>
    </form>
  );
}
