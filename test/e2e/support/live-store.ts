// Reads the worker's database from an extension page, as the worker's next start would read it.
import type { Page } from 'playwright-core';

/** The addresses of the tab records in the live store now: what a crash would bring back. */
export async function storedTabUrls(driver: Page): Promise<string[]> {
  return driver.evaluate(async () => {
    // Right after a launch the worker may not have made its database yet: opening it here must
    // not make an empty one in its place (that opening is rolled back), and there is nothing to read.
    const db = await new Promise<IDBDatabase | undefined>((res, rej) => {
      const r = indexedDB.open('tabularium');
      let made = false;
      r.onupgradeneeded = () => {
        made = true;
        r.transaction!.abort();
      };
      r.onsuccess = () => res(r.result);
      r.onerror = () => (made ? res(undefined) : rej(r.error));
    });
    if (!db) return [];
    if (!db.objectStoreNames.contains('live')) {
      db.close();
      return [];
    }
    type Row = { key: string; value: { url?: string; pendingUrl?: string } };
    const all = await new Promise<Row[]>((res, rej) => {
      const r = db.transaction('live').objectStore('live').getAll();
      r.onsuccess = () => res(r.result as Row[]);
      r.onerror = () => rej(r.error);
    });
    db.close();
    // A tab still loading its first page has only the address it is going to.
    return all.filter((r) => r.key.startsWith('t:')).map((r) => r.value.url || r.value.pendingUrl || '');
  });
}
