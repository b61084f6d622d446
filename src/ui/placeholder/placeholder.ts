// A lazily restored tab: shows the saved title and favicon and turns into the real page the first
// time the person looks at it. A URL that must not be opened (javascript:, privileged pages) stays
// here as text with a reason and a copy button. No framework: hundreds of these can be open.
import { parsePlaceholder } from '../../core/placeholder-url.ts';
import { checkUrl } from '../../core/url-policy.ts';
import { faviconFor, liteExtensionBase, liteMessage, liteSend } from '../../platform/lite.ts';
import type { Envelope, Reply, Res } from '../../shared/protocol.ts';

const target = parsePlaceholder(liteExtensionBase(), location.href);
const $ = (id: string) => document.getElementById(id)!;

function loadRealPage(url: string): void {
  // replace(): the placeholder leaves no entry in the tab's history.
  location.replace(url);
}

if (target) {
  document.title = target.title;
  $('title').textContent = target.title;
  $('url').textContent = target.url;
  const icon = faviconFor(target.url);
  if (icon) {
    const link = document.createElement('link');
    link.rel = 'icon';
    link.href = icon;
    document.head.append(link);
    const img = $('icon') as HTMLImageElement;
    img.src = icon;
    img.hidden = false;
  }
  const copy = $('copy');
  copy.textContent = liteMessage('placeholderCopy');
  copy.addEventListener('click', () => {
    void navigator.clipboard.writeText(target.url).then(() => ($('why').textContent = liteMessage('placeholderCopied')));
  });
  // Checked again here: the placeholder never opens what the policy forbids, whoever built its URL.
  const verdict = checkUrl(target.url, { allowData: !liteExtensionBase().startsWith('moz-'), allowFile: true });
  if (target.reason || !verdict.openable) {
    $('why').textContent = liteMessage('placeholderBlocked', [target.reason ?? (verdict.openable ? '' : verdict.reason)]);
  } else {
    const load = $('load');
    load.textContent = liteMessage('placeholderLoad');
    load.hidden = false;
    load.addEventListener('click', () => loadRealPage(target.url));
    // Whether this tab is the one shown is the worker's call (it asks the browser): page
    // visibility is not reliable here (headless and occluded windows report background tabs as
    // visible). The worker also loads the real page when the tab is activated later.
    const msg: Envelope<'placeholder.loaded'> = { tabularium: 1, type: 'placeholder.loaded', payload: {} };
    // After the load event: the title is in place, and Chrome does not discard a tab that is
    // still loading.
    const ready = () => {
      liteSend(msg)
        .then((reply) => {
          const r = reply as Reply<Res<'placeholder.loaded'>> | undefined;
          if (r?.ok && r.value.action === 'navigate') loadRealPage(target.url);
        })
        .catch(() => undefined);
    };
    if (document.readyState === 'complete') setTimeout(ready, 0);
    else addEventListener('load', () => setTimeout(ready, 0), { once: true });
  }
}
