// The messages between a Firefox e2e test page and the bridge content script (test-only): a
// request names a message of the extension's protocol, the reply carries its typed answer.
import type { E2EMessages, E2EMessageType } from '../../../src/shared/protocol.ts';

type MessageType = E2EMessageType;
type Req<K extends MessageType> = E2EMessages[K]['req'];
type Res<K extends MessageType> = E2EMessages[K]['res'];

export const BRIDGE_REQUEST = 'tabularium-e2e-request';
export const BRIDGE_REPLY = 'tabularium-e2e-reply';
/** Posted once the bridge listens, so a test knows the content script is in the page. */
export const BRIDGE_READY = 'tabularium-e2e-ready';

export interface BridgeRequest<K extends MessageType = MessageType> {
  kind: typeof BRIDGE_REQUEST;
  id: number;
  type: K;
  payload: Req<K>;
}

export type BridgeReply<K extends MessageType = MessageType> =
  | { kind: typeof BRIDGE_REPLY; id: number; ok: true; value: Res<K> }
  | { kind: typeof BRIDGE_REPLY; id: number; ok: false; error: string };

export function isBridgeRequest(x: unknown): x is BridgeRequest {
  const r = x as Partial<BridgeRequest> | null;
  return !!r && r.kind === BRIDGE_REQUEST && typeof r.id === 'number' && typeof r.type === 'string';
}
