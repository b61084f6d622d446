// Runtime messaging from the pages' side: requests to the service worker, and its events.
// (The worker's side is Platform.runtime, ./runtime.ts.)
import type { Runtime } from 'webextension-polyfill';
import { pageBrowser as browser } from './page-browser.ts';

export function sendRuntimeMessage(msg: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(msg);
}

/** For pages: hears the worker's events (messages that are not requests). */
export function onRuntimeEvent(listener: (msg: unknown) => void): () => void {
  const l = (msg: unknown, sender: Runtime.MessageSender) => {
    if (sender.id === browser.runtime.id) listener(msg);
    return undefined;
  };
  browser.runtime.onMessage.addListener(l);
  return () => browser.runtime.onMessage.removeListener(l);
}
