// Messages of the cookie inspector and of cookie keeping.
// (Filled in by the inspector work; empty until then.)
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CookieMessages {}
