// Why a saved cookie was not put back. Kept apart from cookie-keeping.ts so the popup can read
// them without pulling in the Public Suffix List that module needs.

export const SAME_COOKIE_REASON = 'Already in the browser with the same value.';
/** Pages offer "overwrite" for the skips with exactly this reason. */
export const NEWER_COOKIE_REASON = 'A newer cookie of the same name is in the browser; it was kept.';
