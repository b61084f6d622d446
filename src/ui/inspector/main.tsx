import { readSite } from './site-read.ts';

// `?url=<page url>`: the page whose cookies to show (the DevTools panel passes the inspected tab's).
const url = new URLSearchParams(location.search).get('url') ?? '';
// The read starts before the table's code is even evaluated: with thousands of cookies the
// browser takes ~100 ms to answer, time the page spends building itself meanwhile.
const first = url ? readSite(url) : undefined;
first?.first.catch(() => undefined);
const [{ render }, { InspectorApp }] = await Promise.all([import('preact'), import('./inspector-app.tsx')]);
render(<InspectorApp initialUrl={url} {...(first ? { firstRead: first } : {})} />, document.getElementById('app')!);
