// The cookie table, windowed: only the rows in view are in the DOM (plus a margin), so thousands
// of cookies scroll and filter as fast as ten. Every cookie string is rendered as a text node.
// Token and Risk come right after Name, and the table fits its box: long values end in "…" (the
// details pane has them whole) rather than pushing a column out of view.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { render, t } from '../i18n.ts';
import type { MessageKey } from '../message-keys.ts';
import { expiresText } from './expires.ts';
import { SEVERITY_WORD } from './findings-list.tsx';
import type { InspectorRow } from './rows.ts';
import type { TableEmpty } from './page-state.ts';
import { visibleRange, type Sort, type SortKey } from './table-model.ts';

export const ROW_HEIGHT = 32;

interface Column {
  key: SortKey;
  label: MessageKey;
  cls: string;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'inspColName', cls: 'c-name' },
  { key: 'token', label: 'inspColToken', cls: 'c-token' },
  { key: 'risk', label: 'inspColRisk', cls: 'c-risk' },
  { key: 'value', label: 'inspColValue', cls: 'c-value' },
  { key: 'domain', label: 'inspColDomain', cls: 'c-domain' },
  { key: 'path', label: 'inspColPath', cls: 'c-path' },
  { key: 'expires', label: 'inspColExpires', cls: 'c-expires' },
  { key: 'flags', label: 'inspColFlags', cls: 'c-flags' },
  { key: 'size', label: 'inspColSize', cls: 'c-size' },
];

interface Props {
  rows: InspectorRow[];
  sort: Sort;
  onSort(key: SortKey): void;
  selected: string | undefined;
  onSelect(row: InspectorRow): void;
  checked: ReadonlySet<string>;
  onCheck(row: InspectorRow, on: boolean): void;
  onCheckAll(on: boolean): void;
  /** The "Show values" switch. */
  showValues: boolean;
  /** Values revealed one by one from the details pane. */
  revealed: ReadonlySet<string>;
  /** Why there are no rows, if there are none. */
  empty: TableEmpty | undefined;
  onClearFilter(): void;
  now: number;
}

export function CookieTable(p: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(480);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight || 480);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 480));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const { first, last } = visibleRange(p.rows.length, scrollTop, height, ROW_HEIGHT);
  const allChecked = p.rows.length > 0 && p.rows.every((r) => p.checked.has(r.key));
  const cols = COLUMNS.length + 1;

  return (
    <div class="table-box" ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <table class="cookies" aria-label={t('inspTableLabel')} aria-rowcount={p.rows.length + 1}>
        <colgroup>
          <col class="c-check" />
          {COLUMNS.map((c) => (
            <col key={c.key} class={c.cls} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="c-check">
              <input
                type="checkbox"
                aria-label={t('inspSelectAll')}
                checked={allChecked}
                onChange={(e) => p.onCheckAll(e.currentTarget.checked)}
              />
            </th>
            {COLUMNS.map((c) => {
              const active = p.sort.key === c.key;
              return (
                <th key={c.key} scope="col" class={c.cls} aria-sort={active ? p.sort.dir : 'none'}>
                  <button type="button" class="sort" onClick={() => p.onSort(c.key)}>
                    {t(c.label)}
                    <span aria-hidden="true" class="arrow">
                      {active ? (p.sort.dir === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden="true" class="spacer" style={{ height: `${first * ROW_HEIGHT}px` }}>
              <td colSpan={cols} />
            </tr>
          )}
          {p.rows.slice(first, last).map((r, i) => (
            <CookieRow key={r.key} row={r} index={first + i} {...p} />
          ))}
          {last < p.rows.length && (
            <tr aria-hidden="true" class="spacer" style={{ height: `${(p.rows.length - last) * ROW_HEIGHT}px` }}>
              <td colSpan={cols} />
            </tr>
          )}
        </tbody>
      </table>
      {p.empty && <EmptyTable why={p.empty} onClearFilter={p.onClearFilter} />}
    </div>
  );
}

function EmptyTable({ why, onClearFilter }: { why: TableEmpty; onClearFilter(): void }) {
  if (why === 'no-match')
    return (
      <div class="empty">
        <p>{t('inspNoMatch')}</p>
        <button type="button" onClick={onClearFilter}>
          {t('inspClearFilter')}
        </button>
      </div>
    );
  return <p class="empty">{t(why === 'reading' ? 'inspReading' : 'inspNoCookiesHere')}</p>;
}

function CookieRow({ row, index, ...p }: Props & { row: InspectorRow; index: number }) {
  const c = row.cookie;
  const name = c.name || t('inspEmptyName');
  const shown = p.showValues || p.revealed.has(row.key);
  const exp = expiresText(c, p.now);
  const flags = row.flags.join(' · ');
  return (
    <tr
      aria-rowindex={index + 2}
      data-key={row.key}
      class={p.selected === row.key ? 'selected' : ''}
      style={{ height: `${ROW_HEIGHT}px` }}
    >
      <td class="c-check">
        <input
          type="checkbox"
          aria-label={t('inspSelectCookie', name)}
          checked={p.checked.has(row.key)}
          onChange={(e) => p.onCheck(row, e.currentTarget.checked)}
        />
      </td>
      <td class="c-name">
        <button type="button" class="link" title={t('inspShowDetails', name)} onClick={() => p.onSelect(row)}>
          {name}
        </button>
      </td>
      <td class="c-token">
        {row.token !== undefined && (
          <span class="token" title={render(row.token)}>
            {t('inspTokenMark')}
          </span>
        )}
      </td>
      <td class="c-risk">
        {row.worst && <span class={`sev sev-${row.worst.toLowerCase()}`}>{t(SEVERITY_WORD[row.worst])}</span>}
      </td>
      <td class={shown ? 'c-value value' : 'c-value value masked'} title={shown ? c.value : undefined}>
        {shown ? c.value : '••••••'}
      </td>
      <td class="c-domain" title={c.domain}>
        {c.domain}
      </td>
      <td class="c-path" title={c.path}>
        {c.path}
      </td>
      <td class="c-expires" title={exp.date || undefined}>
        {exp.session ? t('inspSession') : exp.relative}
      </td>
      <td class="c-flags" title={flags}>
        {flags}
      </td>
      <td class="c-size">{row.size}</td>
    </tr>
  );
}
