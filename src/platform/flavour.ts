// Which browser the extension runs in, told by its own base URL: the one sign that neither a
// polyfill nor a compatibility alias (Firefox also answers to `chrome.*`) can blur.
export type Flavour = 'chrome' | 'firefox';

export function flavourOf(extensionBase: string): Flavour {
  return extensionBase.startsWith('moz-extension:') ? 'firefox' : 'chrome';
}
