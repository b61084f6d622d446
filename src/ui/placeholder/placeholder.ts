// A lazily restored tab: shows the saved title and favicon and turns into the real page the first
// time the person looks at it. A URL that must not be opened (javascript:, privileged pages) stays
// here as text with a reason and a copy button. No framework and no messages: hundreds of these
// can be open at once.
import { parsePlaceholder, type PlaceholderTarget } from '../../core/placeholder-url.ts';
import { checkUrl, type UrlVerdict } from '../../core/url-policy.ts';
import { faviconFor, liteExtensionBase, liteMessage } from '../../platform/lite.ts';

type BlockReason = Extract<UrlVerdict, { openable: false }>['reason'];
/** Each reason the URL policy gives, as a sentence (keys written out so the locale meta-test sees them). */
const WHY: Record<BlockReason, string> = {
  script: 'blockedScript',
  privileged: 'blockedPrivileged',
  file: 'blockedFile',
  data: 'blockedData',
  invalid: 'blockedInvalid',
};

const target = parsePlaceholder(liteExtensionBase(), location.href);
const $ = (id: string) => document.getElementById(id)!;
// First thing, before the body is parsed: the tab strip shows the saved title from here on. A tab
// saved without a title shows its real address, never the placeholder's.
if (target) document.title = target.title || target.url;

function loadRealPage(url: string): void {
  // replace(): the placeholder leaves no entry in the tab's history.
  location.replace(url);
}

function fill(target: PlaceholderTarget): void {
  $('title').textContent = target.title || target.url;
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
    void navigator.clipboard
      .writeText(target.url)
      .then(() => ($('why').textContent = liteMessage('placeholderCopied')));
  });
  // Checked again here: the placeholder never opens what the policy forbids, whoever built its URL.
  const verdict = checkUrl(target.url, { allowData: !liteExtensionBase().startsWith('moz-'), allowFile: true });
  if (target.reason || !verdict.openable) {
    const code = target.reason ?? (verdict.openable ? 'invalid' : verdict.reason);
    $('why').textContent = liteMessage('placeholderBlocked', [
      liteMessage(Object.hasOwn(WHY, code) ? WHY[code as BlockReason] : 'blockedInvalid'),
    ]);
  } else {
    $('why').textContent = liteMessage('placeholderWhy');
    const load = $('load');
    load.textContent = liteMessage('placeholderLoad');
    load.hidden = false;
    load.addEventListener('click', () => loadRealPage(target.url));
    // Nothing more to do here: the worker sees this page finish loading, then discards the tab
    // if it is hidden or loads the real page if it is the one shown (see background/restore/lazy-tabs.ts).
  }
}

if (target) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => fill(target));
  else fill(target);
}
