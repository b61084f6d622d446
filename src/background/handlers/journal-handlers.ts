// Time travel: the History view's day, a moment, restoring or saving it, searching the journal.
import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';

type JournalHandlers = Pick<Handlers, `journal.${string}` & keyof Handlers>;

export function journalHandlers({ journal }: WorkerContext): JournalHandlers {
  return {
    'journal.day': ({ from, to }) => journal.day(from, to),
    'journal.moment': async ({ at }) => ({ windows: await journal.windowsAt(at) }),
    'journal.restore': ({ restoreId, ...part }) => journal.restore(part, restoreId),
    'journal.save': async ({ at, name }) => ({ session: await journal.save(at, name) }),
    'journal.search': async ({ query }) => ({ hits: await journal.search(query) }),
    async 'journal.clear'() {
      await journal.clear();
      return {};
    },
  };
}
