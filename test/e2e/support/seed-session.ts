// Puts a saved session straight into the extension through its import messages, as a file import
// would: for tests and benches that need a session bigger than is worth opening tab by tab.
import type { Page } from 'playwright-core';

export interface SeedTab {
  url: string;
  title: string;
  active?: boolean;
}

export async function seedSession(driver: Page, id: string, name: string, tabs: SeedTab[]): Promise<void> {
  await driver.evaluate('globalThis.__name = (f) => f');
  await driver.evaluate(
    async ({ id, name, tabs }) => {
      const send = async (type: string, payload: unknown) => {
        const r = (await chrome.runtime.sendMessage({ tabularium: 1, type, payload })) as {
          ok: boolean;
          value: Record<string, unknown>;
          error?: { message: string };
        };
        if (!r.ok) throw new Error(`${type}: ${r.error?.message}`);
        return r.value;
      };
      const { importId } = (await send('import.begin', { format: 'tabularium' })) as { importId: string };
      const session = {
        id,
        name,
        kind: 'manual',
        createdAt: Date.now(),
        updatedAt: Date.now(),
        tags: [],
        counts: { windows: 1, tabs: tabs.length },
      };
      const windows = [{ type: 'normal', state: 'normal', incognito: false, focused: true, groups: [], tabs }];
      await send('import.chunk', { importId, parts: [{ session, windows }] });
      await send('import.commit', { importId });
    },
    { id, name, tabs },
  );
}
