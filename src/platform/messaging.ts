// runtime messaging, the only channel between extension pages and the service worker.
import { browser, type Runtime } from './browser.ts';

export function sendRuntimeMessage(msg: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(msg);
}

/** The listener returns a promise for messages it answers, or undefined to let others answer. */
export function onRuntimeMessage(listener: (msg: unknown, senderUrl: string | undefined) => Promise<unknown> | undefined): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    // Only our own pages may talk to the worker; content from the web never reaches it.
    if (sender.id !== browser.runtime.id) return undefined;
    return listener(msg, sender.url);
  });
}
