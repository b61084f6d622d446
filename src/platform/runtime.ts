// The worker's side of runtime messaging: requests and ports from the extension's own pages
// (content from the web never reaches the worker), and events broadcast to open pages.
import { browser, type Runtime } from './browser.ts';
import { wrapPort } from './ports.ts';
import type { RuntimeApi } from './types.ts';

export const runtimeApi: RuntimeApi = {
  onMessage(listener) {
    browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      return listener(msg, sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {});
    });
  },
  onConnect(name, cb) {
    browser.runtime.onConnect.addListener((p) => {
      if (p.name !== name || p.sender?.id !== browser.runtime.id) return;
      cb(wrapPort(p));
    });
  },
  broadcast(msg) {
    browser.runtime.sendMessage(msg).catch(() => undefined);
  },
};
