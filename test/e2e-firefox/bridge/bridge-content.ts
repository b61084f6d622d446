// TEST-ONLY content script, compiled into the Firefox e2e build alone (TABULARIUM_E2E=1, see
// scripts/manifest.ts) and matched only on http://127.0.0.1/*.
//
// Why: WebDriver BiDi refuses to navigate a tab to a moz-extension:// page, so a Firefox test
// cannot open the popup or any other extension page to drive the extension. A page of the local
// test server can reach this content script with window.postMessage, and the content script can
// reach the worker with the extension's own typed protocol (`call`), exactly as the popup does.
// The worker answers it because a content script's sender is the extension itself.
import { call } from '../../../src/shared/client.ts';
import { BRIDGE_READY, BRIDGE_REPLY, isBridgeRequest, type BridgeReply } from './bridge-protocol.ts';

function reply(r: BridgeReply): void {
  window.postMessage(r, location.origin);
}

window.addEventListener('message', (e: MessageEvent) => {
  // Only the page itself (same origin) may ask; the replies go back to that origin only.
  if (e.origin !== location.origin || !isBridgeRequest(e.data)) return;
  const { id, type, payload } = e.data;
  call(type as never, payload as never).then(
    (value) => reply({ kind: BRIDGE_REPLY, id, ok: true, value }),
    (err: unknown) =>
      reply({ kind: BRIDGE_REPLY, id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});

document.documentElement.dataset.tabulariumBridge = 'ready';
window.postMessage({ kind: BRIDGE_READY }, location.origin);
