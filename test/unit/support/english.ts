// Renders a UserMessage with the English locale file, as chrome.i18n would: tests assert on the
// words a person reads, not only on keys.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserMessage } from '../../../src/core/user-error.ts';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, Entry>;
const plural = new Intl.PluralRules('en');

export function englishText(key: string, subs: string[] = []): string {
  const entry = messages[key];
  if (!entry) throw new Error(`no English message "${key}"`);
  // As many substitutions as the message declares: a missing or extra one is a bug in the caller.
  const declared = Math.max(
    0,
    ...[entry.message, ...Object.values(entry.placeholders ?? {}).map((p) => p.content)].flatMap((t) =>
      [...t.matchAll(/\$(\d)/g)].map((m) => Number(m[1])),
    ),
  );
  if (subs.length !== declared) throw new Error(`"${key}" takes ${declared} substitutions, got ${subs.length}`);
  const positional = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const named = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
    positional(entry.placeholders?.[name.toLowerCase()]?.content ?? ''),
  );
  return positional(named).replace(/\$\$/g, '$');
}

export function english(m: UserMessage | undefined): string {
  if (!m) throw new Error('no message');
  const subs = (m.substitutions ?? []).map((s) => (typeof s === 'object' ? english(s) : String(s)));
  const key = m.plural && plural.select(m.plural.count) === 'one' ? m.plural.one : m.key;
  return englishText(key, subs);
}

/** The English words of a thrown error that carries a message (for `rejects` assertions). */
export async function rejectionText(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const m = (e as { userMessage?: UserMessage }).userMessage;
    return m ? english(m) : String((e as Error).message ?? e);
  }
  throw new Error('expected a rejection');
}

/** The English words of what `run` throws (for `toThrow`-style assertions on a message). */
export function thrownText(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    const m = (e as { userMessage?: UserMessage }).userMessage;
    return m ? english(m) : String((e as Error).message ?? e);
  }
  throw new Error('expected a throw');
}
