// Tags of a session: shown as chips with a remove button, and a field to add one.
import { useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import { call } from '../../shared/client.ts';
import { t } from '../i18n.ts';

export function TagEditor({
  session,
  onChanged,
  onError,
}: {
  session: Session;
  onChanged: (s: Session) => void;
  onError: (e: unknown) => void;
}) {
  const [tag, setTag] = useState('');
  const save = async (tags: string[]) => {
    try {
      onChanged((await call('sessions.setTags', { id: session.id, tags })).session);
    } catch (e) {
      onError(e);
    }
  };
  const add = (e: Event) => {
    e.preventDefault();
    const v = tag.trim().replace(/^#/, '');
    if (!v) return;
    setTag('');
    void save([...session.tags, v]);
  };
  return (
    <div class="tags" aria-label={t('tags')} role="group">
      {session.tags.map((x) => (
        <span key={x} class="chip">
          {`#${x}`}
          <button
            type="button"
            class="chip-x"
            aria-label={t('removeTag', x)}
            onClick={() => void save(session.tags.filter((y) => y !== x))}
          >
            ×
          </button>
        </span>
      ))}
      <form class="inline" onSubmit={add}>
        <input
          type="text"
          aria-label={t('addTag')}
          placeholder={t('addTag')}
          value={tag}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <button type="submit">{t('addTagButton')}</button>
      </form>
    </div>
  );
}
