// The locale keys, typed from the English messages file: a misspelt key does not compile.
export type { MessageKey } from '../core/user-error.ts';
