// The cookie/session inspector: every cookie of the page's site, which carry the session, what is
// risky, a live log of changes, and edit/delete/import/export. The same page is the DevTools panel.
import { useCallback, useState } from 'preact/hooks';
import type { SiteRead } from '../../shared/site-cookies.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { errorText } from '../error-text.ts';
import { t } from '../i18n.ts';
import { AccessGate } from './access-gate.tsx';
import { ConfirmDeleteAll } from './confirm-delete-all.tsx';
import { newDraft } from './cookie-draft.ts';
import { CookieWorkArea } from './cookie-work-area.tsx';
import { InspectorHeader } from './inspector-header.tsx';
import { InspectorToolbar } from './inspector-toolbar.tsx';
import { pageState } from './page-state.ts';
import type { SideTab } from './side-pane.tsx';
import { TransferPanel } from './transfer-panel.tsx';
import { useAuditedRows } from './use-audited-rows.ts';
import { useCookieAccess } from './use-cookie-access.ts';
import { useCookieActions } from './use-cookie-actions.ts';
import { useCookieLog } from './use-cookie-log.ts';
import { useFirstRowsMark } from './use-first-rows-mark.ts';
import { useInspectedUrl } from './use-inspected-url.ts';
import { usePageTitle } from './use-page-title.ts';
import { useSelection } from './use-selection.ts';
import { useSiteCookies } from './use-site-cookies.ts';
import { useTableView } from './use-table-view.ts';

export function InspectorApp({ initialUrl, firstRead }: { initialUrl: string; firstRead?: SiteRead }) {
  const url = useInspectedUrl(initialUrl);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const fail = useCallback((e: unknown) => setStatus({ kind: 'error', text: t('errorPrefix', errorText(e)) }), []);
  const access = useCookieAccess(url, fail);
  const site = useSiteCookies({ url, initialUrl, firstRead, access, fail });
  const log = useCookieLog(url, access.granted, site.apply, site.load);
  const audited = useAuditedRows(site.data?.cookies, site.now, url);
  const { rows } = audited;
  const view = useTableView(rows);
  const [showValues, setShowValues] = useState(false);
  const [tab, setTab] = useState<SideTab>('findings');
  useFirstRowsMark(view.shown);
  usePageTitle(site.host, url);
  const selection = useSelection(rows);
  const actions = useCookieActions({ url, load: site.load, selection, setStatus, fail });

  if (!url) {
    return (
      <main class="inspector">
        <p class="empty">{t('inspNoUrl')}</p>
      </main>
    );
  }

  const { host, data, now } = site;
  // Without access only the prompt: counts and findings there would read as an all-clear.
  if (pageState(access.access) === 'gate')
    return (
      <main class="inspector" aria-labelledby="insp-title">
        <InspectorHeader host={host} url={url} stores={[]} />
        {access.access && (
          <AccessGate access={access.access} url={url} host={host} onGranted={() => void access.checkAccess()} />
        )}
        <StatusLine status={status} />
      </main>
    );

  const edit = (e: Parameters<typeof selection.edit>[0]) => {
    selection.edit(e);
    setTab('details');
  };
  return (
    <main class="inspector" aria-labelledby="insp-title">
      <InspectorHeader host={host} url={url} stores={data?.stores ?? []} />
      <InspectorToolbar
        filter={view.filter}
        onFilter={view.changeFilter}
        showValues={showValues}
        onShowValues={setShowValues}
        shown={view.shown.length}
        total={data ? rows.length : undefined}
        granted={access.granted}
        onNew={() => edit({ draft: newDraft(url, data?.stores[0]?.id ?? '0', Date.now()) })}
        onReload={() => void site.load()}
        onDeleteAll={actions.askDeleteAll}
      />
      {actions.confirmingDeleteAll && (
        <ConfirmDeleteAll
          count={rows.length}
          host={host}
          onConfirm={() => void actions.deleteAll()}
          onCancel={actions.cancelDeleteAll}
        />
      )}
      <StatusLine status={status} />
      <CookieWorkArea
        view={view}
        audited={audited}
        selection={{ ...selection, edit }}
        actions={actions}
        data={data}
        log={log}
        showValues={showValues}
        tab={tab}
        onTab={setTab}
        now={now}
      />
      <TransferPanel
        site={data?.cookies ?? []}
        selected={selection.checkedCookies}
        host={host}
        url={url}
        onImport={actions.importCookies}
      />
    </main>
  );
}
