// What a page says about a failure: the worker's error in the page's language when it named a
// locale message, else the error's own words.
import { RemoteError } from '../shared/client.ts';
import { t } from './i18n.ts';

export function errorText(e: unknown): string {
  if (e instanceof RemoteError && e.localized) return t(e.localized.key, ...(e.localized.subs ?? []));
  return e instanceof Error ? e.message : String(e);
}
