// The session whose tabs the right pane shows, loaded from the worker, as flat rows.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { SessionDetail } from '../../shared/messages/sessions-messages.ts';
import { tabRows } from './tab-rows.ts';

export function useChosenSession(id: string | undefined, version: number, fail: (e: unknown) => void) {
  const [detail, setDetail] = useState<SessionDetail | undefined>(undefined);
  useEffect(() => {
    if (!id) {
      setDetail(undefined);
      return;
    }
    let current = true;
    call('sessions.get', { id }).then(
      (d) => current && setDetail(d),
      (e: unknown) => current && fail(e),
    );
    return () => {
      current = false;
    };
  }, [id, version]);
  const shown = detail && detail.session.id === id ? detail : undefined;
  const flat = useMemo(() => (shown ? tabRows(shown.session.id, shown.body) : { rows: [], refs: [] }), [shown]);
  return { detail: shown, ...flat };
}
