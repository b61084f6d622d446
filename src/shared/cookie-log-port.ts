// The live cookie log's Port: the page says which URL it watches, the worker streams the changes
// that apply to it. Typed on both ends; the browser side lives in src/platform/ports.ts.
import type { CookieChange } from '../core/cookies/cookie-log-pairing.ts';
import { connectPort, type TypedPort } from '../platform/ports.ts';
import { COOKIE_LOG_PORT, type CookieLogFromWorker, type CookieLogToWorker } from './cookie-log-protocol.ts';

export * from './cookie-log-protocol.ts';

// Chrome stops an idle worker after ~30 s; a message over the port resets that clock, so the
// log keeps listening while the page is open.
const PING_MS = 20_000;

/** Opens the log for a page URL; reconnects (and tells the caller to reload) if the worker restarts. */
export function watchCookieChanges(
  url: string,
  onChanges: (c: CookieChange[]) => void,
  onReconnect: () => void,
): () => void {
  let port: TypedPort<CookieLogFromWorker, CookieLogToWorker> | undefined;
  let closed = false;
  const open = (again: boolean) => {
    port = connectPort<CookieLogFromWorker, CookieLogToWorker>(COOKIE_LOG_PORT);
    port.onMessage((m) => {
      if (m.type === 'changes') onChanges(m.changes);
    });
    port.onDisconnect(() => {
      if (!closed) setTimeout(() => open(true), 100);
    });
    port.post({ type: 'watch', url });
    // Changes may have happened while the worker was gone: the caller re-reads the cookies.
    if (again) onReconnect();
  };
  open(false);
  const timer = setInterval(() => port?.post({ type: 'ping' }), PING_MS);
  return () => {
    closed = true;
    clearInterval(timer);
    port?.disconnect();
  };
}
