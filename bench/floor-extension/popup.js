// The least a session popup can do: ask the worker for the list from the page's first script,
// then put the first rows on screen as text. The mark is set right after they are in the DOM, as
// Tabularium's popup sets its own from a layout effect.
const listed = chrome.runtime.sendMessage('list');
const parsed = new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve));
Promise.all([listed, parsed]).then(([sessions]) => {
  const ul = document.getElementById('list');
  for (const s of sessions.slice(0, 15)) {
    const li = document.createElement('li');
    li.textContent = `${s.name} · ${s.counts.windows} window · ${s.counts.tabs} tabs`;
    ul.append(li);
  }
  performance.mark('floor:first-items');
});
