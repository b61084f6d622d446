// Lazy restore with nothing of Tabularium's: every tab asked for at once on a static page that
// only sets its title, each discarded once loaded. bench/floors.ts calls restore() and watches.
const PAGE = chrome.runtime.getURL('placeholder.html');

chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status === 'complete' && tab.url?.startsWith(PAGE) && !tab.active) void chrome.tabs.discard(tabId).catch(() => undefined);
});

globalThis.restore = async (titles) => {
  const w = await chrome.windows.create({ focused: false });
  const first = w.tabs[0].id;
  await Promise.all(titles.map((t) => chrome.tabs.create({ windowId: w.id, active: false, url: `${PAGE}?t=${encodeURIComponent(t)}` })));
  await chrome.tabs.remove(first);
  return w.id;
};
