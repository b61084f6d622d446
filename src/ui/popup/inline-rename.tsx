// Naming a session where it stands in the list: Enter keeps the name, Escape leaves it as it was.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import { t } from '../i18n.ts';

export function InlineRename({ session, onDone }: { session: Session; onDone: (name: string | undefined) => void }) {
  const [name, setName] = useState(session.name);
  const box = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, []);
  const finish = (value: string | undefined) => {
    if (done.current) return;
    done.current = true;
    const trimmed = value?.trim();
    onDone(trimmed && trimmed !== session.name ? trimmed : undefined);
  };
  return (
    <form
      class="inline-rename"
      onSubmit={(e) => {
        e.preventDefault();
        finish(name);
      }}
    >
      <input
        ref={box}
        type="text"
        aria-label={t('renameInline', session.name)}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Escape leaves the name as it was, and does not close the popup.
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            finish(undefined);
          }
          e.stopPropagation();
        }}
        onBlur={() => finish(name)}
      />
    </form>
  );
}
