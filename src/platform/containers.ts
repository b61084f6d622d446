// Firefox containers (`cookieStoreId`) on tab and window creation. A saved container may be gone
// (deleted by the person, containers turned off, a session from another profile) or not be
// usable (Firefox wants the `cookies` permission for it); the tab then still opens, in the
// default container, and the caller is told so it can report it. Chrome has no containers and
// rejects the unknown key outright, so there it is never sent.
import { msg, type UserMessage } from '../core/user-error.ts';
import type { Flavour } from './flavour-detection.ts';

/** The stores a window already implies: never worth sending, never worth reporting. */
const IMPLIED = new Set(['firefox-default', 'firefox-private', '0', '1']);

export interface DroppedContainer {
  cookieStoreId: string;
  /** Why, for the restore report: our words, or the browser's inside ours. */
  reason: UserMessage;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Runs `create` with the container when the browser has containers, and again without it when
 * the browser refuses the first try. Only an error that goes away without the container is
 * blamed on it; any other error is the browser's real answer and is thrown.
 */
export async function createInContainer<D extends object, R>(
  flavour: Flavour,
  details: D,
  cookieStoreId: string | undefined,
  create: (d: D & { cookieStoreId?: string }) => Promise<R>,
): Promise<{ created: R; dropped?: DroppedContainer }> {
  if (!cookieStoreId || IMPLIED.has(cookieStoreId)) return { created: await create(details) };
  if (flavour === 'chrome') {
    return { created: await create(details), dropped: { cookieStoreId, reason: msg('restoreNoContainers') } };
  }
  try {
    return { created: await create({ ...details, cookieStoreId }) };
  } catch (first) {
    const created = await create(details);
    return { created, dropped: { cookieStoreId, reason: msg('restoreBrowserSaid', message(first)) } };
  }
}
