// Lists inside messages. Plain data (cookie names, claim names, store ids) is joined as it is;
// a list with words in it (a scope's "path", "the current store") is nested messages, so the
// page renders every item in its language and its locale decides the separator.
import { msg, type Substitution } from './user-error.ts';

export function listOf(items: readonly Substitution[]): Substitution {
  if (items.every((x) => typeof x !== 'object')) return items.join(', ');
  const [first = '', ...rest] = items;
  return rest.reduce<Substitution>((acc, x) => msg('listJoin', acc, x), first);
}
