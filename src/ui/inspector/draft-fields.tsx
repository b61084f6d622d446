// The edit form's fields, one draft field each: a label around its input, so the label's words are
// the input's accessible name.
import type { SameSite } from '../../core/cookies/cookie-record.ts';
import { t } from '../i18n.ts';
import type { CookieDraft } from './cookie-draft.ts';
import type { Flavour } from '../../core/flavour.ts';

export type SetDraft = <K extends keyof CookieDraft>(field: K, value: CookieDraft[K]) => void;

type TextField = 'name' | 'domain' | 'path' | 'expires' | 'topLevelSite';
type FlagField = 'hostOnly' | 'secure' | 'httpOnly' | 'session' | 'partitioned';

interface FieldProps<F> {
  draft: CookieDraft;
  field: F;
  label: string;
  set: SetDraft;
}

export function DraftText({
  draft,
  field,
  label,
  set,
  type = 'text',
  placeholder,
}: FieldProps<TextField> & { type?: 'text' | 'datetime-local'; placeholder?: string }) {
  return (
    <label>
      {label}
      <input
        type={type}
        value={draft[field]}
        {...(placeholder ? { placeholder } : {})}
        onInput={(e) => set(field, e.currentTarget.value)}
      />
    </label>
  );
}

export function DraftCheck({ draft, field, label, set }: FieldProps<FlagField>) {
  return (
    <label class="check">
      <input type="checkbox" checked={draft[field]} onChange={(e) => set(field, e.currentTarget.checked)} />
      {label}
    </label>
  );
}

/** Chrome alone has an "unspecified" SameSite (its default, Lax for most purposes). */
export function SameSiteSelect({ draft, set, browser }: { draft: CookieDraft; set: SetDraft; browser: Flavour }) {
  return (
    <label>
      SameSite
      <select value={draft.sameSite} onChange={(e) => set('sameSite', e.currentTarget.value as SameSite)}>
        <option value="strict">Strict</option>
        <option value="lax">Lax</option>
        <option value="no_restriction">None</option>
        {browser === 'chrome' && <option value="unspecified">{t('inspUnspecified')}</option>}
      </select>
    </label>
  );
}

export function StoreSelect({ draft, set, stores }: { draft: CookieDraft; set: SetDraft; stores: readonly string[] }) {
  return (
    <label>
      {t('inspStore')}
      <select value={draft.storeId} onChange={(e) => set('storeId', e.currentTarget.value)}>
        {stores.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  );
}
