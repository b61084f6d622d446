// Which saved URLs may be handed to tabs.create. A session file is untrusted input: a
// `javascript:` URL in it must never run, and privileged pages cannot be opened by an extension.

export type UrlVerdict =
  { openable: true } | { openable: false; reason: 'script' | 'privileged' | 'file' | 'invalid' | 'data' };

const PRIVILEGED =
  /^(chrome|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|view-source|moz-extension|resource|chrome-search):/i;

export interface UrlPolicyOptions {
  /** Firefox refuses `data:` URLs from extensions; Chrome opens them. */
  allowData?: boolean;
  /** `file:` needs the user's "Allow access to file URLs". */
  allowFile?: boolean;
}

export function checkUrl(raw: string, opts: UrlPolicyOptions = {}): UrlVerdict {
  const url = raw.trim();
  // Browsers strip tabs/newlines inside schemes ("java\tscript:"); do the same before checking.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase();
  if (!scheme) return { openable: false, reason: 'invalid' };
  if (scheme === 'javascript' || scheme === 'vbscript') return { openable: false, reason: 'script' };
  if (scheme === 'about' && /^about:(blank|newtab)$/i.test(url)) return { openable: true };
  if (PRIVILEGED.test(url)) return { openable: false, reason: 'privileged' };
  if (scheme === 'file') return opts.allowFile ? { openable: true } : { openable: false, reason: 'file' };
  if (scheme === 'data') return opts.allowData ? { openable: true } : { openable: false, reason: 'data' };
  if (scheme === 'http' || scheme === 'https' || scheme === 'ftp') {
    try {
      new URL(url);
      return { openable: true };
    } catch {
      return { openable: false, reason: 'invalid' };
    }
  }
  return { openable: false, reason: 'privileged' };
}
