// Counted text in the right number: every message is rendered with 0, 1, 2 and 5 in each of its
// placeholders (its singular twin for a count of one, as the pages' Intl.PluralRules picks it), and
// none may read "1 tabs" or "2 tab". A message that takes a count is declared plural: a xOne/xOther
// pair the pages render with counted(), or a message that takes the counted words ("1 tab") whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, Entry>;
const rules = new Intl.PluralRules('en');

const NOUNS: [one: string, other: string][] = [
  ['tab', 'tabs'],
  ['window', 'windows'],
  ['session', 'sessions'],
  ['cookie', 'cookies'],
  ['file', 'files'],
  ['store', 'stores'],
  ['scope', 'scopes'],
  ['day', 'days'],
  ['byte', 'bytes'],
  ['bit', 'bits'],
  ['group', 'groups'],
  ['entry', 'entries'],
  ['character', 'characters'],
  ['site', 'sites'],
  ['finding', 'findings'],
  ['line', 'lines'],
  ['time', 'times'],
  ['value', 'values'],
  ['domain', 'domains'],
  ['token', 'tokens'],
  ['tag', 'tags'],
];
const ones = NOUNS.map(([one]) => one).join('|');
const others = NOUNS.map(([, other]) => other).join('|');
/** Up to two words between a count and its noun ("1 more matching tabs"), never a word that ends a phrase. */
const between =
  '(?:(?!(?:from|of|in|for|at|to|a|an|the|this|that|its|on|with|per|as|is|are|has|and|or)\\b)[a-z-]+ ){0,2}?';
/** "1 tabs", "1 more matching tabs": a count of one, then (a word or two, then) a plural noun. */
const ONE_WITH_PLURAL = new RegExp(`(?<![\\d.])1 ${between}(?:${others})\\b`, 'i');
/** "2 tab", "5 session": another count, then a singular noun that no other noun follows. */
const MANY_WITH_SINGULAR = new RegExp(
  `(?<![\\d.])(?:0|2|5) ${between}(?:${ones})(?![a-z])(?! (?:${ones}|${others})\\b)`,
  'i',
);

/** The message with every placeholder given `n`, as chrome.i18n would substitute it. */
function render(key: string, n: number): string {
  const e = messages[key]!;
  const named = e.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
    (e.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$\d/g, String(n)),
  );
  return named.replace(/\$\d/g, String(n)).replace(/\$\$/g, '$');
}

const twin = (key: string, from: string, to: string) =>
  key.endsWith(from) && `${key.slice(0, -from.length)}${to}` in messages
    ? `${key.slice(0, -from.length)}${to}`
    : undefined;

/** Every rendering of every message a person can read, with the key it came from. */
function renderings(): { key: string; n: number; text: string }[] {
  const out: { key: string; n: number; text: string }[] = [];
  for (const key of Object.keys(messages)) {
    if (twin(key, 'One', 'Other')) continue; // rendered with its "other" twin
    const one = twin(key, 'Other', 'One');
    for (const n of [0, 1, 2, 5]) {
      const used = one && rules.select(n) === 'one' ? one : key;
      out.push({ key: used, n, text: render(used, n) });
    }
  }
  return out;
}

describe('plural messages', () => {
  it('never reads "1 tabs" or "2 tab", whatever the count', () => {
    const wrong = renderings()
      .filter((r) => ONE_WITH_PLURAL.test(r.text) || MANY_WITH_SINGULAR.test(r.text))
      .map((r) => `${r.key} (${r.n}): ${r.text}`);
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('catches the mistakes it is for', () => {
    expect(ONE_WITH_PLURAL.test('Window 1 · 1 tabs')).toBe(true);
    expect(ONE_WITH_PLURAL.test('Restored 9 tabs in 1 windows.')).toBe(true);
    expect(ONE_WITH_PLURAL.test('and 1 more matching tabs')).toBe(true);
    expect(ONE_WITH_PLURAL.test('1 sessions')).toBe(true);
    expect(MANY_WITH_SINGULAR.test('2 tab')).toBe(true);
    expect(ONE_WITH_PLURAL.test('Restored 1 tab in 1 window.')).toBe(false);
    expect(MANY_WITH_SINGULAR.test('Restored 2 tabs in 5 windows.')).toBe(false);
  });
});
