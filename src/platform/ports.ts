// Long-lived runtime Ports: the live cookie log streams over one while an inspector is open.
// The message types are given by the caller (src/shared), so both ends stay typed.
import type { Runtime } from 'webextension-polyfill';
import { pageBrowser as browser } from './page-browser.ts';

export interface TypedPort<In, Out> {
  post(msg: Out): void;
  onMessage(cb: (msg: In) => void): void;
  onDisconnect(cb: () => void): void;
  disconnect(): void;
}

export function wrapPort<In, Out>(p: Runtime.Port): TypedPort<In, Out> {
  return {
    post: (msg) => p.postMessage(msg),
    onMessage: (cb) => p.onMessage.addListener((m: unknown) => cb(m as In)),
    onDisconnect: (cb) => p.onDisconnect.addListener(() => cb()),
    disconnect: () => p.disconnect(),
  };
}

/** From a page: opens a port to the worker. */
export function connectPort<In, Out>(name: string): TypedPort<In, Out> {
  return wrapPort<In, Out>(browser.runtime.connect({ name }));
}
