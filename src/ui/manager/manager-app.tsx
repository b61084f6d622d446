// The manager page: a tab bar over its views (manager-views.ts), the chosen one below. The hash
// names the view, so a link can open one and Back returns to the previous.
import { useEffect, useState } from 'preact/hooks';
import type { Res } from '../../shared/protocol.ts';
import { t } from '../i18n.ts';
import { managerViews, type ManagerView } from './manager-views.ts';

function viewOfHash(views: readonly ManagerView[]): ManagerView {
  const id = location.hash.slice(1);
  return views.find((v) => v.id === id) ?? views[0]!;
}

export function ManagerApp({
  firstList,
  views = managerViews,
}: {
  firstList?: Promise<Res<'sessions.list'>>;
  views?: readonly ManagerView[];
}) {
  const [view, setView] = useState(() => viewOfHash(views));
  useEffect(() => {
    const onHash = () => setView(viewOfHash(views));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [views]);

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = views.indexOf(view) + (e.key === 'ArrowRight' ? 1 : -1);
    const next = views[(i + views.length) % views.length]!;
    location.hash = next.id;
    requestAnimationFrame(() => document.getElementById(`view-tab-${next.id}`)?.focus());
  };

  const { View } = view;
  return (
    <div class="manager">
      <header class="top">
        <h1>{t('managerTitle')}</h1>
        {views.length > 1 && (
          <nav role="tablist" aria-label={t('managerViews')} onKeyDown={onTabKey}>
            {views.map((v) => (
              <a
                key={v.id}
                id={`view-tab-${v.id}`}
                role="tab"
                href={`#${v.id}`}
                aria-selected={v === view}
                aria-controls="view"
                tabIndex={v === view ? 0 : -1}
              >
                {t(v.label)}
              </a>
            ))}
          </nav>
        )}
      </header>
      <main id="view" role={views.length > 1 ? 'tabpanel' : undefined}>
        <View {...(view === views[0] && firstList ? { firstList } : {})} />
      </main>
    </div>
  );
}
