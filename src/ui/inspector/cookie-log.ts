// The live cookie log's list: newest first, bounded, one entry per change the worker paired.
import type { CookieChange } from '../../core/cookies/cookie-log-pairing.ts';

export const MAX_LOG = 300;

export function appendChanges(
  log: readonly CookieChange[],
  incoming: readonly CookieChange[],
  max = MAX_LOG,
): CookieChange[] {
  if (!incoming.length) return log as CookieChange[];
  const seen = new Set(log.map((c) => `${c.seq}:${c.at}`));
  const fresh = incoming.filter((c) => !seen.has(`${c.seq}:${c.at}`)).reverse();
  return [...fresh, ...log].slice(0, max);
}
