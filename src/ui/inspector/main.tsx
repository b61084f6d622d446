import { cookiesApi } from '../../platform/cookies.ts';
import { startEarlyRead } from './early-read.ts';

// `?url=<page url>`: the page whose cookies to show (the DevTools panel passes the inspected tab's).
const url = new URLSearchParams(location.search).get('url') ?? '';
// The read starts before the rest of the page's code is even loaded: with thousands of cookies
// the browser takes ~100 ms to answer, time the page spends building itself meanwhile.
const primed = url ? startEarlyRead(url, cookiesApi) : undefined;
const [{ h, render }, { InspectorApp }, { readSite }] = await Promise.all([
  import('preact'),
  import('./inspector-app.tsx'),
  import('./site-read.ts'),
]);
const first = url ? readSite(url, primed) : undefined;
first?.first.catch(() => undefined);
render(h(InspectorApp, { initialUrl: url, ...(first ? { firstRead: first } : {}) }), document.getElementById('app')!);
