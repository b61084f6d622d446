// What the person does to the site's cookies: copy a value, save, delete, delete all, import.
// A single save or delete reaches the table through the cookie log, like any other change. The
// bulk actions also read the site again when they finish: their hundreds of changes arrive over
// the log piecemeal, and one read leaves the table exactly as the browser has it.
import { useState } from 'preact/hooks';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { call } from '../../shared/client.ts';
import type { Status } from '../components/status-line.tsx';
import { counted, render, t } from '../i18n.ts';
import { copyText } from './clipboard.ts';
import type { InspectorRow } from './rows.ts';
import type { Selection } from './use-selection.ts';

interface Options {
  url: string;
  load(): Promise<void>;
  selection: Selection;
  setStatus(s: Status): void;
  fail(e: unknown): void;
}

export function useCookieActions({ url, load, selection, setStatus, fail }: Options) {
  const [confirmingDeleteAll, setConfirmingDeleteAll] = useState(false);

  const copy = async (r: InspectorRow) => {
    try {
      await copyText(r.cookie.value);
      setStatus({ kind: 'info', text: t('inspCopied', r.cookie.name) });
    } catch (e) {
      fail(e);
    }
  };

  // Errors (the browser's refusal) go back to the editor, which shows them next to the form.
  const save = async (cookie: CookieRecord, replaces?: CookieRecord) => {
    await call('cookies.set', { cookie, ...(replaces ? { replaces } : {}) });
    selection.edit(undefined);
    setStatus({ kind: 'info', text: t('inspSaved', cookie.name) });
  };

  const remove = async (c: CookieRecord) => {
    try {
      await call('cookies.remove', { cookie: c });
      selection.unselect();
      setStatus({ kind: 'info', text: t('inspDeleted', c.name) });
    } catch (e) {
      fail(e);
    }
  };

  const deleteAll = async () => {
    setConfirmingDeleteAll(false);
    try {
      const r = await call('cookies.removeAll', { url });
      const failed = r.failed.map((f) => `${f.name}: ${render(f.reason)}`).join('; ');
      setStatus({
        kind: r.failed.length ? 'error' : 'info',
        text: counted(r.done, 'inspDeletedAllOne', 'inspDeletedAllOther') + (failed ? ` ${failed}` : ''),
      });
      selection.unselect();
      selection.checkOnly([]);
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const importCookies = async (cookies: CookieRecord[]): Promise<string> => {
    const r = await call('cookies.import', { cookies });
    await load();
    const failed = r.failed.map((f) => `${f.name} (${f.domain}): ${render(f.reason)}`).join('; ');
    return (
      counted(r.done, 'inspImportedOne', 'inspImportedOther') + (failed ? ` ${t('inspImportFailed', failed)}` : '')
    );
  };

  return {
    copy,
    save,
    remove,
    confirmingDeleteAll,
    askDeleteAll: () => setConfirmingDeleteAll(true),
    cancelDeleteAll: () => setConfirmingDeleteAll(false),
    deleteAll,
    importCookies,
  };
}

export type CookieActions = ReturnType<typeof useCookieActions>;
