// What an import would set, by site, before anything is set: a checkbox per registrable domain,
// this site's ticked, others only by choice (see import-domains.ts).
import { counted } from '../../core/user-error.ts';
import { render, t } from '../i18n.ts';
import type { DomainGroup } from './import-domains.ts';

interface Props {
  groups: readonly DomainGroup[];
  chosen: ReadonlySet<string>;
  /** Cookies of the ticked domains. */
  count: number;
  onToggle(domain: string, on: boolean): void;
  onImport(): void;
  onCancel(): void;
}

export function CookieImportPreview({ groups, chosen, count, onToggle, onImport, onCancel }: Props) {
  return (
    <fieldset class="import-preview">
      <legend>{t('inspImportDomains')}</legend>
      <p class="muted" id="insp-import-domains-help">
        {t('inspImportDomainsHelp')}
      </p>
      <ul class="import-domains" aria-describedby="insp-import-domains-help">
        {groups.map((g) => (
          <li key={g.domain}>
            <label class="check">
              <input
                type="checkbox"
                checked={chosen.has(g.domain)}
                onChange={(e) => onToggle(g.domain, e.currentTarget.checked)}
              />
              {render(counted(g.cookies.length, 'inspImportDomainOne', 'inspImportDomainOther', g.domain))}
              {g.thisSite && <span class="chip">{t('inspImportThisSite')}</span>}
            </label>
          </li>
        ))}
      </ul>
      <div class="row-actions">
        <button type="button" class="primary" disabled={count === 0} onClick={onImport}>
          {render(counted(count, 'inspImportChosenOne', 'inspImportChosenOther'))}
        </button>
        <button type="button" onClick={onCancel}>
          {t('inspImportCancel')}
        </button>
      </div>
    </fieldset>
  );
}
