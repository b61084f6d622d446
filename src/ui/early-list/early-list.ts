// The session list, asked for by a classic script in the head of the popup and the manager
// (early-list-script.ts), while their modules are still loading. The page's module adopts the
// answer: asked from the module, the question left ~30 ms later, after the module files had been
// fetched and run, and the worker's answer then came on top of that.
import { call } from '../../shared/client.ts';
import type { Res } from '../../shared/protocol.ts';

type ListAnswer = Promise<Res<'sessions.list'>>;
const KEY = '__tabulariumEarlyList';
const g = globalThis as unknown as Record<typeof KEY, ListAnswer | undefined>;

export function startEarlyList(): void {
  const answer = call('sessions.list', {});
  // A failure is the adopter's to show; until it adopts, nothing is unhandled.
  answer.catch(() => undefined);
  g[KEY] = answer;
}

/** The early question's answer, once (undefined if the script did not run). */
export function takeEarlyList(): ListAnswer | undefined {
  const answer = g[KEY];
  g[KEY] = undefined;
  return answer;
}
