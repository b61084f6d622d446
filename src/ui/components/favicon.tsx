// A tab's favicon from the browser's own cache (`_favicon/`), never fetched from the site.
import { faviconFor } from '../../platform/lite.ts';

export function Favicon({ pageUrl }: { pageUrl: string }) {
  const src = /^https?:/i.test(pageUrl) ? faviconFor(pageUrl) : undefined;
  return src ? (
    <img class="favicon" src={src} alt="" width={16} height={16} loading="lazy" />
  ) : (
    <span class="favicon" aria-hidden="true" />
  );
}
