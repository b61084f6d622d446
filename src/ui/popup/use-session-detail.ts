// A saved session in full, loaded from the worker, with the draft of its name and the edits that
// change it (rename, tags, removing a tab).
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import { call } from '../../shared/client.ts';
import type { SessionDetail } from '../../shared/messages/sessions-messages.ts';
import { t } from '../i18n.ts';

interface Options {
  id: string;
  onChanged: (s: Session, message?: string) => void;
  onError: (e: unknown) => void;
}

export function useSessionDetail({ id, onChanged, onError }: Options) {
  const [data, setData] = useState<SessionDetail | undefined>(undefined);
  const [name, setName] = useState('');

  // Each load puts the saved name back in the field: after removing a tab it is read anew.
  const load = () =>
    call('sessions.get', { id }).then((d) => {
      setData(d);
      setName(d.session.name);
    }, onError);

  useEffect(() => {
    void load();
  }, [id]);

  const update = (s: Session, message?: string) => {
    setData((cur) => (cur ? { ...cur, session: s } : cur));
    onChanged(s, message);
  };

  const rename = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await call('sessions.rename', { id, name });
      update(r.session, t('renamedMsg', r.session.name));
    } catch (err) {
      onError(err);
    }
  };

  // The body changed too (its windows and tabs), so the whole session is loaded again.
  const removeTab = async (windowIndex: number, tabIndex: number) => {
    try {
      const r = await call('sessions.removeTabs', { id, tabs: [{ windowIndex, tabIndex }] });
      await load();
      onChanged(r.session);
    } catch (err) {
      onError(err);
    }
  };

  return { data, name, setName, update, rename, removeTab };
}
