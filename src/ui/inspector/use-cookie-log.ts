// The live cookie log while access is granted: newest first. Each batch the worker sends also goes
// to `onChanges` (the table applies it), and a reconnect after a worker restart, when changes may
// have gone unlogged, to `onReconnect`.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CookieChange } from '../../core/cookies/cookie-log-pairing.ts';
import { watchCookieChanges } from '../../shared/cookie-log-port.ts';
import { appendChanges } from './cookie-log.ts';

export function useCookieLog(
  url: string,
  granted: boolean,
  onChanges: (changes: CookieChange[]) => void,
  onReconnect: () => void,
): CookieChange[] {
  const [log, setLog] = useState<CookieChange[]>([]);
  // The latest handlers, read when a message comes: a new handler must not reopen the port.
  const handlers = useRef({ onChanges, onReconnect });
  handlers.current = { onChanges, onReconnect };

  useEffect(() => {
    if (!granted || !url) return;
    return watchCookieChanges(
      url,
      (changes) => {
        setLog((cur) => appendChanges(cur, changes));
        handlers.current.onChanges(changes);
      },
      () => handlers.current.onReconnect(),
    );
  }, [granted, url]);

  return log;
}
