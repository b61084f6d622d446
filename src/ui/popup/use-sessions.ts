// The saved sessions the popup lists, read from the worker again after every change.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import { call } from '../../shared/client.ts';
import type { Res } from '../../shared/protocol.ts';

export interface SessionsState {
  /** Undefined until the first list arrives. */
  sessions: Session[] | undefined;
  /** Bumped after every change, so open search results refresh. */
  version: number;
  reload(): Promise<void>;
  /** Takes a deleted session off the list without asking the worker. */
  drop(id: string): void;
}

/** `firstList`: the list main.tsx asked for before the first render, used for the first load. */
export function useSessions(
  firstList: Promise<Res<'sessions.list'>> | undefined,
  fail: (e: unknown) => void,
): SessionsState {
  const [sessions, setSessions] = useState<Session[] | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const pendingFirst = useRef(firstList);
  const reload = useCallback(async () => {
    const asked = pendingFirst.current ?? call('sessions.list', {});
    pendingFirst.current = undefined;
    try {
      setSessions((await asked).sessions);
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    }
  }, [fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const drop = (id: string) => {
    setSessions((cur) => cur?.filter((x) => x.id !== id));
    setVersion((v) => v + 1);
  };

  return { sessions, version, reload, drop };
}
