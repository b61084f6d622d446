// Lazy restore with nothing of Tabularium's: every tab asked for at once on a static page that
// only sets its title, each discarded once loaded. bench/floors.ts calls restore() and watches.
const PAGE = chrome.runtime.getURL('placeholder.html');

chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status === 'complete' && tab.url?.startsWith(PAGE) && !tab.active)
    void chrome.tabs.discard(tabId).catch(() => undefined);
});

globalThis.restore = async (titles) => {
  const w = await chrome.windows.create({ focused: false });
  const first = w.tabs[0].id;
  await Promise.all(
    titles.map((t) => chrome.tabs.create({ windowId: w.id, active: false, url: `${PAGE}?t=${encodeURIComponent(t)}` })),
  );
  await chrome.tabs.remove(first);
  return w.id;
};

// The popup with nothing of Tabularium's: the worker keeps session records in one IndexedDB store
// and answers one message with all of them, newest first; popup.js shows the first rows as text.
function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('floor', 1);
    req.onupgradeneeded = () =>
      req.result.createObjectStore('sessions', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
const db = openDb();

globalThis.seedSessions = async (sessions) => {
  const d = await db;
  await new Promise((resolve, reject) => {
    const tx = d.transaction('sessions', 'readwrite');
    for (const s of sessions) tx.objectStore('sessions').put(s);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
};

chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
  if (msg !== 'list') return false;
  void db.then((d) => {
    const req = d.transaction('sessions').objectStore('sessions').index('createdAt').getAll();
    req.onsuccess = () => reply(req.result.reverse());
  });
  return true;
});
