// Wires the live cookie log to the browser. Called synchronously at the worker's top level so a
// page's connection that wakes the worker is never missed.
import { cookiesApi } from '../platform/cookies.ts';
import { onPortConnect } from '../platform/ports.ts';
import { COOKIE_LOG_PORT, type CookieLogFromWorker, type CookieLogToWorker } from '../shared/cookie-log-port.ts';
import { createCookieLogHub } from './cookie-log-hub.ts';

export function startCookieLog(): void {
  const hub = createCookieLogHub(cookiesApi);
  onPortConnect<CookieLogToWorker, CookieLogFromWorker>(COOKIE_LOG_PORT, (port) => hub.attach(port));
}
