// The live cookie log's Port, as both ends name it: the page says which URL it watches, the worker
// streams the changes that concern it. No browser code here, so the worker imports it alone.
import type { CookieChange } from '../core/cookies/cookie-log-pairing.ts';
import type { TypedPort } from '../platform/ports.ts';

export const COOKIE_LOG_PORT = 'tabularium.cookie-log';

export type CookieLogToWorker = { type: 'watch'; url: string } | { type: 'ping' };
export type CookieLogFromWorker = { type: 'changes'; changes: CookieChange[] };

export type CookieLogWorkerPort = TypedPort<CookieLogToWorker, CookieLogFromWorker>;
