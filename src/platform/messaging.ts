// runtime messaging, the only channel between extension pages and the service worker.
import { browser, type Runtime } from './browser.ts';

export function sendRuntimeMessage(msg: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(msg);
}

/** The listener returns a promise for messages it answers, or undefined to let others answer. */
export function onRuntimeMessage(
  listener: (msg: unknown, sender: { url?: string; tabId?: number }) => Promise<unknown> | undefined,
): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    // Only our own pages may talk to the worker; content from the web never reaches it.
    if (sender.id !== browser.runtime.id) return undefined;
    return listener(msg, {
      ...(sender.url ? { url: sender.url } : {}),
      ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
    });
  });
}

/** Sends to every open extension page; nobody listening is not an error. */
export function broadcast(msg: unknown): void {
  browser.runtime.sendMessage(msg).catch(() => undefined);
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
