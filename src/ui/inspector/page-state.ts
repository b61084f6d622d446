// What the inspector may show. Without cookie access only the access prompt: a count of 0 or
// "Nothing to report" there would be a false all-clear. And an empty table says why it is empty.
import type { CookieAccess } from '../../shared/messages/cookies-messages.ts';

export function hasAccess(a: CookieAccess | undefined): boolean {
  return !!a && a.cookies && a.host;
}

/** 'gate' once the worker has said access is off; until it answers, the page reads (and shows no all-clear). */
export function pageState(access: CookieAccess | undefined): 'gate' | 'ready' {
  return access !== undefined && !hasAccess(access) ? 'gate' : 'ready';
}

export type TableEmpty = 'reading' | 'no-cookies' | 'no-match';

/** Why the table has no rows; undefined when it has some. */
export function tableEmpty(loaded: boolean, total: number, shown: number, filtering: boolean): TableEmpty | undefined {
  if (!loaded) return 'reading';
  if (shown > 0) return undefined;
  return total > 0 && filtering ? 'no-match' : 'no-cookies';
}
