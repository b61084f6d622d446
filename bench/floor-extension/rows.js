// The least an inspector can do: one read of the site's cookies, started by the first script the
// page runs, then the first 40 rows by name, as text. The mark is set in the frame that paints them.
const read = chrome.cookies.getAll({ domain: new URLSearchParams(location.search).get('domain'), partitionKey: {} });
const parsed = new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve));
Promise.all([read, parsed]).then(([cookies]) => {
  cookies.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const body = document.getElementById('rows');
  for (const c of cookies.slice(0, 40)) {
    const tr = body.insertRow();
    for (const v of [c.name, c.value, c.domain, c.path]) tr.insertCell().textContent = v;
  }
  requestAnimationFrame(() => performance.mark('floor:first-rows'));
});
