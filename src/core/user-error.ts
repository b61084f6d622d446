// What a person reads is a _locales message: code outside the pages (core, store, the worker)
// cannot know the page's language, so it names the message and its substitutions, and the page
// renders them (src/ui/i18n.ts). The same shape serves errors (UserError), audit findings, import
// warnings and cookie-restore reasons. The locale meta-test checks that every key exists.
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** Plain text (a name, a number, the browser's own words) or another message, rendered first. */
export type Substitution = string | number | UserMessage;

export interface UserMessage {
  key: MessageKey;
  substitutions?: Substitution[];
  /**
   * For counted messages: `key` is the "other" form, `one` the singular form, and the page picks
   * one with Intl.PluralRules for `count` in its own language.
   */
  plural?: { count: number; one: MessageKey };
}

/** What kind of failure, for code that decides what to do next (retry, offer an action). */
export type ErrorCode =
  | 'quota'
  | 'unavailable'
  | 'not-found'
  | 'corrupt'
  | 'invalid'
  | 'refused'
  | 'no-permission'
  | 'interrupted'
  /** The cookie vault is locked: the person unlocks it with the passphrase. */
  | 'locked';

export function msg(key: MessageKey, ...substitutions: Substitution[]): UserMessage {
  return substitutions.length ? { key, substitutions } : { key };
}

/** A counted message: `other` carries the count as its first substitution. */
export function counted(count: number, one: MessageKey, other: MessageKey, ...rest: Substitution[]): UserMessage {
  return { key: other, substitutions: [count, ...rest], plural: { count, one } };
}

/** "1 byte", "4096 bytes": counted words another message takes whole. */
export const bytesText = (n: number) => counted(n, 'countBytesOne', 'countBytesOther');
export const bitsText = (n: number) => counted(n, 'countBitsOne', 'countBitsOther');
export const charactersText = (n: number) => counted(n, 'countCharactersOne', 'countCharactersOther');

/** An error a person is shown: its words are a message; `message` (for logs) names the key. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: UserMessage,
    options?: { cause?: unknown },
  ) {
    super(logText(userMessage), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
  }
}

/** `errQuota` or `errDatabase(UnknownError)`: enough to find the message in a log. */
export function logText(m: UserMessage): string {
  const subs = (m.substitutions ?? []).map((s) => (typeof s === 'object' ? logText(s) : String(s)));
  return subs.length ? `${m.key}(${subs.join(', ')})` : m.key;
}

export function isUserMessage(x: unknown): x is UserMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as UserMessage;
  if (typeof m.key !== 'string') return false;
  if (m.substitutions !== undefined) {
    if (!Array.isArray(m.substitutions)) return false;
    if (!m.substitutions.every((s) => typeof s === 'string' || typeof s === 'number' || isUserMessage(s))) return false;
  }
  if (m.plural !== undefined && (typeof m.plural.count !== 'number' || typeof m.plural.one !== 'string')) return false;
  return true;
}
