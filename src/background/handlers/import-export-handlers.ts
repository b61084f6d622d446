// Import and export, in message-sized parts (the page parses and builds the files).
import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';

type ImportExportHandlers = Pick<Handlers, (`import.${string}` | `export.${string}`) & keyof Handlers>;

export function importExportHandlers({ imports }: WorkerContext): ImportExportHandlers {
  return {
    'import.begin': async ({ format }) => ({ importId: imports.begin(format) }),
    'import.chunk': async ({ importId, parts }) => ({ received: imports.add(importId, parts) }),
    'import.commit': ({ importId, cookieJars }) => imports.commit(importId, cookieJars),
    async 'import.abort'({ importId }) {
      imports.abort(importId);
      return {};
    },
    'export.read': ({ ids, cursor }) => imports.read(ids, cursor),
    'export.cookies': ({ ids, passphrase }) => imports.exportCookies(ids, passphrase),
  };
}
