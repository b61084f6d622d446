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

/**
 * Why the address is not opened here, or undefined when it may be. Checked here too: the
 * placeholder never opens what the policy forbids, whoever built its URL.
 */
function blockedBecause(target: PlaceholderTarget): string | undefined {
  const verdict = checkUrl(target.url, { allowData: !liteExtensionBase().startsWith('moz-'), allowFile: true });
  return target.reason ?? (verdict.openable ? undefined : verdict.reason);
}

/** The tab strip's icon: the saved page's, from the browser's own favicon cache. */
function setIcon(target: PlaceholderTarget): string | undefined {
  const icon = faviconFor(target.url);
  if (!icon) return undefined;
  const link = document.createElement('link');
  link.rel = 'icon';
  link.href = icon;
  document.head.append(link);
  return icon;
}

function fill(target: PlaceholderTarget, icon: string | undefined, blocked: string | undefined): void {
  $('title').textContent = target.title || target.url;
  $('url').textContent = target.url;
  if (icon) {
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
  if (blocked !== undefined) {
    $('why').textContent = liteMessage('placeholderBlocked', [
      liteMessage(Object.hasOwn(WHY, blocked) ? WHY[blocked as BlockReason] : 'blockedInvalid'),
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
  $('main').hidden = false;
}

if (target) {
  const icon = setIcon(target);
  const blocked = blockedBecause(target);
  const show = () => fill(target, icon, blocked);
  const whenParsed = () =>
    document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', show, { once: true }) : show();
  // A page that says why its address is not opened is for reading: filled at once. A lazy tab's
  // page is seldom seen (shown, it turns into the real page), so its body is built only once it
  // is: hundreds load one after another in the extension's one renderer, and one with its text
  // laid out and painted cost that renderer about twice what the bare page does (its main thread's
  // CPU time per tab in `npm run bench -- --only-lazy` here: ~150 ms with the body, ~75 without).
  if (blocked !== undefined || document.hasFocus() || document.visibilityState === 'visible') whenParsed();
  else {
    const shown = () => {
      if (document.visibilityState !== 'visible') return;
      removeEventListener('focus', shown);
      document.removeEventListener('visibilitychange', shown);
      whenParsed();
    };
    addEventListener('focus', shown);
    document.addEventListener('visibilitychange', shown);
  }
}
