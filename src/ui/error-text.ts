// What a page says about a failure: the worker's error in the page's language when it named a
// locale message, else the error's own words.
import { UserError } from '../core/user-error.ts';
import { RemoteError } from '../shared/client.ts';
import { render } from './i18n.ts';

export function errorText(e: unknown): string {
  if ((e instanceof RemoteError || e instanceof UserError) && e.userMessage) return render(e.userMessage);
  return e instanceof Error ? e.message : String(e);
}
