// The two browser families the extension is built for. Where a rule differs (cookie stores,
// SameSite values, what a tab may open), core takes the flavour as an argument; src/platform/
// decides which one is running.
export type Flavour = 'chrome' | 'firefox';
