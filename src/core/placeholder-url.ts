// A lazily restored tab shows the extension's placeholder page until first activated. The
// placeholder's URL carries the real URL, title and favicon so every capture can record the
// real page, never the placeholder.

export const PLACEHOLDER_PATH = 'src/ui/placeholder/index.html';

export interface PlaceholderTarget {
  url: string;
  title: string;
  favIconUrl?: string;
  /** Why the page is not loaded: lazy (loads on activation) or a reason it cannot be opened. */
  reason?: string;
}

export function placeholderUrl(extensionBase: string, t: PlaceholderTarget): string {
  const q = new URLSearchParams({ u: t.url, t: t.title });
  if (t.favIconUrl) q.set('f', t.favIconUrl);
  if (t.reason) q.set('r', t.reason);
  return `${extensionBase}${PLACEHOLDER_PATH}?${q.toString()}`;
}

export function parsePlaceholder(extensionBase: string, url: string): PlaceholderTarget | undefined {
  const prefix = `${extensionBase}${PLACEHOLDER_PATH}?`;
  if (!url.startsWith(prefix)) return undefined;
  const q = new URLSearchParams(url.slice(prefix.length));
  const real = q.get('u');
  if (real === null) return undefined;
  const f = q.get('f');
  const r = q.get('r');
  return {
    url: real,
    title: q.get('t') ?? real,
    ...(f ? { favIconUrl: f } : {}),
    ...(r ? { reason: r } : {}),
  };
}
