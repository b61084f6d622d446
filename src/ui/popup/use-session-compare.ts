// What differs between a saved session and the windows open now, asked for on demand.
import { useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { Res } from '../../shared/protocol.ts';

export type SessionDiff = Res<'sessions.compare'>;

export function useSessionCompare(id: string, onError: (e: unknown) => void) {
  const [diff, setDiff] = useState<SessionDiff | undefined>(undefined);

  const compare = async () => {
    try {
      setDiff(await call('sessions.compare', { id }));
    } catch (err) {
      onError(err);
    }
  };

  return { diff, compare };
}
