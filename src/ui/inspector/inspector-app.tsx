// The cookie/session inspector: every cookie of the page's site, which carry the session, what is
// risky, a live log of changes, and edit/delete/import/export. The same page is the DevTools panel.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CookieChange } from '../../core/cookie-changes.ts';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { inDevtools, inspectedTabId, onInspectedNavigation } from '../../platform/inspector-page.ts';
import { call, RemoteError } from '../../shared/client.ts';
import { watchCookieChanges } from '../../shared/cookie-log-port.ts';
import type { CookieAccess, SiteCookies } from '../../shared/messages/cookies.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { render, t } from '../i18n.ts';
import { AccessGate } from './access-gate.tsx';
import { appendChanges } from './change-log.ts';
import { ChangeLogView } from './change-log-view.tsx';
import { copyText } from './clipboard.ts';
import { CookieDetails } from './cookie-details.tsx';
import { draftFromCookie, newDraft, type CookieDraft } from './cookie-draft.ts';
import { CookieEditor } from './cookie-editor.tsx';
import { CookieTable } from './cookie-table.tsx';
import { auditRows, plainRows, type InspectorRow } from './rows.ts';
import type { SiteAudit } from '../../core/cookies/audit-site.ts';
import { SiteSummary } from './site-summary.tsx';
import { filterRows, nextSort, sortRows, type Sort, type SortKey } from './table-model.ts';
import { TransferPanel } from './transfer-panel.tsx';
import { readSite } from './site-read.ts';
import type { SiteRead } from '../../shared/site-cookies.ts';
import { errorText } from '../error-text.ts';

const EMPTY_AUDIT: SiteAudit = { perCookie: new Map(), site: [], summary: { high: 0, medium: 0, low: 0, info: 0 } };

export const FIRST_ROWS_MARK = 'tabularium:inspector-first-rows';

type Editing = { draft: CookieDraft; editing?: CookieRecord };

export function InspectorApp({ initialUrl, firstRead }: { initialUrl: string; firstRead?: SiteRead }) {
  const [url, setUrl] = useState(initialUrl);
  const [access, setAccess] = useState<CookieAccess | undefined>(undefined);
  const [data, setData] = useState<SiteCookies | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [sessionOnly, setSessionOnly] = useState(false);
  const [tokensOnly, setTokensOnly] = useState(false);
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'ascending' });
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [confirmAll, setConfirmAll] = useState(false);
  const [log, setLog] = useState<CookieChange[]>([]);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());

  const fail = useCallback((e: unknown) => setStatus({ kind: 'error', text: t('errorPrefix', errorText(e)) }), []);
  const granted = !!access && access.cookies && access.host;

  // In DevTools the panel follows the inspected tab from page to page.
  useEffect(() => {
    if (!inDevtools()) return;
    const tabId = inspectedTabId();
    if (!initialUrl && tabId !== undefined)
      void call('cookies.tabUrl', { tabId }).then(
        (r) => r.url && setUrl(r.url),
        () => undefined,
      );
    onInspectedNavigation((u) => setUrl(u));
  }, [initialUrl]);

  const checkAccess = useCallback(async () => {
    if (!url) return;
    try {
      setAccess(await call('cookies.access', { url }));
    } catch (e) {
      fail(e);
    }
  }, [url, fail]);

  useEffect(() => {
    void checkAccess();
  }, [checkAccess]);

  // The read main.tsx started for the first URL is used once; later loads read afresh.
  const pendingFirst = useRef(firstRead);
  // Each load has a number: a slow answer to an older load never overwrites a newer one.
  const loads = useRef(0);
  const load = useCallback(async () => {
    const read = (url === initialUrl ? pendingFirst.current : undefined) ?? readSite(url);
    pendingFirst.current = undefined;
    const n = ++loads.current;
    try {
      // The bulk shows as soon as it is read; cookies of embedded sites and other stores follow.
      const first = await read.first;
      if (n === loads.current) setData(first);
      const all = await read.all;
      if (n === loads.current && all !== first) setData(all);
      setNow(Date.now());
    } catch (e) {
      if (e instanceof RemoteError && e.code === 'no-permission') void checkAccess();
      else fail(e);
    }
  }, [url, initialUrl, fail, checkAccess]);

  // Read at once rather than after the access check: with access (the usual case) that saves a
  // round trip; without it the worker says 'no-permission' and the gate shows. The check's answer
  // must not start a second read of the same URL: with thousands of cookies that read competes with
  // the first and, being newer, would also make the first one's answer be thrown away.
  const readFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (access !== undefined && !granted) {
      // Refused: once access is granted, this URL is read again.
      readFor.current = undefined;
      return;
    }
    if (readFor.current === url) return;
    readFor.current = url;
    void load();
  }, [granted, access === undefined, load, url]);

  // A burst of changes (a login sets ten cookies) becomes one re-read.
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scheduleReload = useCallback(() => {
    clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(() => void load(), 150);
  }, [load]);

  useEffect(() => {
    if (!granted || !url) return;
    return watchCookieChanges(
      url,
      (changes) => {
        setLog((cur) => appendChanges(cur, changes));
        scheduleReload();
      },
      scheduleReload,
    );
  }, [granted, url, scheduleReload]);

  // The table shows first; the audit (entropy, decoding, scope checks over every cookie) follows
  // a frame later, so thousands of cookies still appear at once.
  const plain = useMemo(() => plainRows(data?.cookies ?? []), [data]);
  const [audited, setAudited] = useState<{ rows: InspectorRow[]; audit: SiteAudit; from: InspectorRow[] } | undefined>(
    undefined,
  );
  useEffect(() => {
    // After the next frame has painted the plain rows: rAF runs before that paint, the timeout after it.
    let id: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      id = setTimeout(() => setAudited({ ...auditRows(plain, now), from: plain }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(id);
    };
  }, [plain, now]);
  const built = audited && audited.from === plain ? audited : { rows: plain, audit: EMPTY_AUDIT };
  const sorted = useMemo(() => sortRows(built.rows, sort), [built, sort]);
  const shown = useMemo(
    () => filterRows(sorted, { query, sessionOnly, tokensOnly }),
    [sorted, query, sessionOnly, tokensOnly],
  );
  // One mark when the first rows reach the screen: the bench reads it, and it costs nothing else.
  // Set in the frame that paints them: a layout effect runs right after the DOM changed, and its
  // rAF callback runs just before that frame is painted.
  const marked = useRef(false);
  useLayoutEffect(() => {
    if (marked.current || shown.length === 0) return;
    marked.current = true;
    requestAnimationFrame(() => performance.mark(FIRST_ROWS_MARK));
  }, [shown]);
  const selectedRow = built.rows.find((r) => r.key === selected);
  const checkedCookies = useMemo(
    () => built.rows.filter((r) => checked.has(r.key)).map((r) => r.cookie),
    [built, checked],
  );
  const siteCookies = useMemo(() => built.rows.map((r) => r.cookie), [built]);
  const host =
    data?.host ??
    (() => {
      try {
        return new URL(url).hostname;
      } catch {
        return '';
      }
    })();

  // The tab's title says which site, in the page's language (the HTML title is only a fallback).
  useEffect(() => {
    document.title = t('inspTitle', host || url || '…');
  }, [host, url]);

  const toggle = (set: ReadonlySet<string>, key: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  };

  const onCopy = async (r: InspectorRow) => {
    try {
      await copyText(r.cookie.value);
      setStatus({ kind: 'info', text: t('inspCopied', r.cookie.name) });
    } catch (e) {
      fail(e);
    }
  };

  const onSave = async (cookie: CookieRecord, replaces?: CookieRecord) => {
    // Errors (the browser's refusal) go back to the editor, which shows them next to the form.
    await call('cookies.set', { cookie, ...(replaces ? { replaces } : {}) });
    setEditing(undefined);
    setStatus({ kind: 'info', text: t('inspSaved', cookie.name) });
    await load();
  };

  const onDelete = async (c: CookieRecord) => {
    try {
      await call('cookies.remove', { cookie: c });
      setSelected(undefined);
      setStatus({ kind: 'info', text: t('inspDeleted', c.name) });
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const onDeleteAll = async () => {
    setConfirmAll(false);
    try {
      const r = await call('cookies.removeAll', { url });
      const failed = r.failed.map((f) => `${f.name}: ${render(f.reason)}`).join('; ');
      setStatus({
        kind: r.failed.length ? 'error' : 'info',
        text: t('inspDeletedAll', r.done) + (failed ? ` ${failed}` : ''),
      });
      setSelected(undefined);
      setChecked(new Set());
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const onImport = async (cookies: CookieRecord[]): Promise<string> => {
    const r = await call('cookies.import', { cookies });
    await load();
    const failed = r.failed.map((f) => `${f.name} (${f.domain}): ${render(f.reason)}`).join('; ');
    return t('inspImported', r.done) + (failed ? ` ${t('inspImportFailed', failed)}` : '');
  };

  if (!url) {
    return (
      <main class="inspector">
        <p class="empty">{t('inspNoUrl')}</p>
      </main>
    );
  }

  const storeIds = data?.stores.map((s) => s.id) ?? [];
  return (
    <main class="inspector" aria-labelledby="insp-title">
      <header class="top">
        <h1 id="insp-title">{t('inspTitle', host || url)}</h1>
        <p class="muted url">{url}</p>
        {data && data.stores.length > 0 && (
          <p class="muted">
            {t(
              'inspStores',
              data.stores.map((s) => `${s.id}${s.incognito ? ` (${t('inspIncognito')})` : ''}: ${s.count}`).join(', '),
            )}
          </p>
        )}
      </header>
      {access && !granted && <AccessGate access={access} url={url} host={host} onGranted={() => void checkAccess()} />}
      <div class="toolbar" role="toolbar" aria-label={t('inspToolbar')}>
        {/* A textbox, as the UI contract names it (a searchbox is the popup's); Escape clears it all the same. */}
        <input
          type="text"
          class="filter"
          aria-label={t('inspFilter')}
          placeholder={t('inspFilter')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        <label class="check">
          <input type="checkbox" checked={sessionOnly} onChange={(e) => setSessionOnly(e.currentTarget.checked)} />
          {t('inspSessionOnly')}
        </label>
        <label class="check">
          <input type="checkbox" checked={tokensOnly} onChange={(e) => setTokensOnly(e.currentTarget.checked)} />
          {t('inspTokensOnly')}
        </label>
        <span class="count" role="status" aria-live="polite">
          {t('inspCount', shown.length, built.rows.length)}
        </span>
        <span class="spacer-flex" />
        <button
          type="button"
          disabled={!granted}
          onClick={() => setEditing({ draft: newDraft(url, storeIds[0] ?? '0', Date.now()) })}
        >
          {t('inspNewCookie')}
        </button>
        <button type="button" disabled={!granted} onClick={() => void load()}>
          {t('inspReload')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={!granted || built.rows.length === 0}
          onClick={() => setConfirmAll(true)}
        >
          {t('inspDeleteAll')}
        </button>
      </div>
      {confirmAll && (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">{t('inspConfirmDeleteAll', built.rows.length, host)}</p>
          <button type="button" class="danger" onClick={() => void onDeleteAll()}>
            {t('inspConfirmDelete')}
          </button>
          <button type="button" autoFocus onClick={() => setConfirmAll(false)}>
            {t('inspCancel')}
          </button>
        </div>
      )}
      <StatusLine status={status} />
      <div class="work">
        <CookieTable
          rows={shown}
          sort={sort}
          onSort={(k: SortKey) => setSort((s) => nextSort(s, k))}
          selected={selected}
          onSelect={(r) => {
            setSelected(r.key);
            setEditing(undefined);
          }}
          checked={checked}
          onCheck={(r, on) => setChecked((s) => toggle(s, r.key, on))}
          onCheckAll={(on) => setChecked(on ? new Set(shown.map((r) => r.key)) : new Set())}
          revealed={revealed}
          onReveal={(r) => setRevealed((s) => toggle(s, r.key, !s.has(r.key)))}
          onCopy={(r) => void onCopy(r)}
          now={now}
        />
        {editing ? (
          <CookieEditor
            key={editing.editing ? `edit-${editing.editing.name}` : 'new'}
            initial={editing.draft}
            {...(editing.editing ? { editing: editing.editing } : {})}
            stores={storeIds}
            browser={data?.browser ?? 'chrome'}
            onSave={onSave}
            onCancel={() => setEditing(undefined)}
          />
        ) : selectedRow ? (
          <CookieDetails
            row={selectedRow}
            now={now}
            revealed={revealed.has(selectedRow.key)}
            onEdit={() =>
              setEditing({ draft: draftFromCookie(selectedRow.cookie, Date.now()), editing: selectedRow.cookie })
            }
            onDelete={() => void onDelete(selectedRow.cookie)}
            onClose={() => setSelected(undefined)}
          />
        ) : null}
      </div>
      <SiteSummary audit={built.audit} rows={built.rows} />
      <TransferPanel site={siteCookies} selected={checkedCookies} host={host} url={url} onImport={onImport} />
      <ChangeLogView log={log} />
    </main>
  );
}
