// Long-lived runtime Ports: the live cookie log streams over one while an inspector is open.
// The message types are given by the caller (src/shared), so both ends stay typed.
import { browser, type Runtime } from './browser.ts';

export interface TypedPort<In, Out> {
  post(msg: Out): void;
  onMessage(cb: (msg: In) => void): void;
  onDisconnect(cb: () => void): void;
  disconnect(): void;
}

function wrap<In, Out>(p: Runtime.Port): TypedPort<In, Out> {
  return {
    post: (msg) => p.postMessage(msg),
    onMessage: (cb) => p.onMessage.addListener((m: unknown) => cb(m as In)),
    onDisconnect: (cb) => p.onDisconnect.addListener(() => cb()),
    disconnect: () => p.disconnect(),
  };
}

/** From a page: opens a port to the worker. */
export function connectPort<In, Out>(name: string): TypedPort<In, Out> {
  return wrap<In, Out>(browser.runtime.connect({ name }));
}

/** In the worker, at the top level: accepts ports of one name from the extension's own pages. */
export function onPortConnect<In, Out>(name: string, cb: (port: TypedPort<In, Out>) => void): void {
  browser.runtime.onConnect.addListener((p) => {
    if (p.name !== name || p.sender?.id !== browser.runtime.id) return;
    cb(wrap<In, Out>(p));
  });
}
