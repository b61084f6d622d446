// Create or edit one cookie. Problems the browser would refuse are shown before saving; a refusal
// the browser still makes comes back with its own reason.
import { useState } from 'preact/hooks';
import type { CookieRecord, SameSite } from '../../core/cookies/cookie-record.ts';
import type { TargetBrowser } from '../../core/cookies/set-details.ts';
import { render, t } from '../i18n.ts';
import { errorText } from '../error-text.ts';
import { cookieFromDraft, draftProblem, type CookieDraft } from './cookie-draft.ts';

interface Props {
  initial: CookieDraft;
  editing?: CookieRecord;
  stores: readonly string[];
  browser: TargetBrowser;
  onSave(cookie: CookieRecord, replaces?: CookieRecord): Promise<void>;
  onCancel(): void;
}

export function CookieEditor({ initial, editing, stores, browser, onSave, onCancel }: Props) {
  const [d, setD] = useState<CookieDraft>(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof CookieDraft>(k: K, v: CookieDraft[K]) => setD((cur) => ({ ...cur, [k]: v }));
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
      <label>
        {t('inspColName')}
        <input type="text" value={d.name} onInput={(e) => set('name', e.currentTarget.value)} />
      </label>
      <label>
        {t('inspColValue')}
        <textarea rows={3} value={d.value} onInput={(e) => set('value', e.currentTarget.value)} />
      </label>
      <label>
        {t('inspColDomain')}
        <input type="text" value={d.domain} onInput={(e) => set('domain', e.currentTarget.value)} />
      </label>
      <label class="check">
        <input type="checkbox" checked={d.hostOnly} onChange={(e) => set('hostOnly', e.currentTarget.checked)} />
        {t('inspHostOnlyLabel')}
      </label>
      <label>
        {t('inspColPath')}
        <input type="text" value={d.path} onInput={(e) => set('path', e.currentTarget.value)} />
      </label>
      <label class="check">
        <input type="checkbox" checked={d.secure} onChange={(e) => set('secure', e.currentTarget.checked)} />
        Secure
      </label>
      <label class="check">
        <input type="checkbox" checked={d.httpOnly} onChange={(e) => set('httpOnly', e.currentTarget.checked)} />
        HttpOnly
      </label>
      <label>
        SameSite
        <select value={d.sameSite} onChange={(e) => set('sameSite', e.currentTarget.value as SameSite)}>
          <option value="strict">Strict</option>
          <option value="lax">Lax</option>
          <option value="no_restriction">None</option>
          {browser === 'chrome' && <option value="unspecified">{t('inspUnspecified')}</option>}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={d.session} onChange={(e) => set('session', e.currentTarget.checked)} />
        {t('inspSessionLabel')}
      </label>
      {!d.session && (
        <label>
          {t('inspColExpires')}
          <input type="datetime-local" value={d.expires} onInput={(e) => set('expires', e.currentTarget.value)} />
        </label>
      )}
      <label class="check">
        <input type="checkbox" checked={d.partitioned} onChange={(e) => set('partitioned', e.currentTarget.checked)} />
        {t('inspPartitionedLabel')}
      </label>
      {d.partitioned && (
        <label>
          {t('inspTopLevelSite')}
          <input
            type="text"
            value={d.topLevelSite}
            placeholder="https://example.com"
            onInput={(e) => set('topLevelSite', e.currentTarget.value)}
          />
        </label>
      )}
      {stores.length > 1 && (
        <label>
          {t('inspStore')}
          <select value={d.storeId} onChange={(e) => set('storeId', e.currentTarget.value)}>
            {stores.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
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
