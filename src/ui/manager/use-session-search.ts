// The manager's search box: the ids of the sessions the worker's search index finds, in its order
// (undefined while nothing is typed).
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';

/** Sessions listed at most: the manager shows whole sessions, not a few hits. */
const LIMIT = 5000;

export function useSessionSearch(query: string, version: number, fail: (e: unknown) => void) {
  const [ids, setIds] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setIds(undefined);
      return;
    }
    let current = true;
    call('sessions.search', { query: q, limit: LIMIT }).then(
      (r) => current && setIds(r.results.map((x) => x.session.id)),
      (e: unknown) => current && fail(e),
    );
    return () => {
      current = false;
    };
  }, [query, version]);
  return ids;
}
