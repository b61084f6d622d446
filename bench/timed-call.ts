// One protocol message from the bench's extension page: its value and the round trip in ms.
import type { Launched } from '../test/e2e/support/browser.ts';

export async function timedCall<T = unknown>(
  b: Launched,
  type: string,
  payload: unknown = {},
): Promise<{ ms: number; value: T }> {
  return b.driver.evaluate(
    async ({ type, payload }) => {
      const t0 = performance.now();
      const reply = (await chrome.runtime.sendMessage({ tabularium: 1, type, payload })) as {
        ok: boolean;
        value?: unknown;
        error?: { message: string };
      };
      const ms = performance.now() - t0;
      if (!reply.ok) throw new Error(reply.error?.message);
      return { ms, value: reply.value };
    },
    { type, payload },
  ) as Promise<{ ms: number; value: T }>;
}
