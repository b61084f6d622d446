// Reads the worker's database from an extension page, as the worker's next start would read it.
import type { Page } from 'playwright-core';

/** The addresses of the tab records in the live store now: what a crash would bring back. */
export async function storedTabUrls(driver: Page): Promise<string[]> {
  return driver.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('tabularium');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
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
