// The cookie table, windowed: only the rows in view are in the DOM (plus a margin), so thousands
// of cookies scroll and filter as fast as ten. Every cookie string is rendered as a text node.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { render, t } from '../i18n.ts';
import type { MessageKey } from '../message-keys.ts';
import { expiresText } from './expires.ts';
import type { InspectorRow } from './rows.ts';
import { visibleRange, type Sort, type SortKey } from './table-model.ts';

export const ROW_HEIGHT = 32;

interface Column {
  key: SortKey;
  label: MessageKey;
  cls: string;
}

const COLUMNS: Column[] = [
  { key: 'token', label: 'inspColToken', cls: 'c-token' },
  { key: 'name', label: 'inspColName', cls: 'c-name' },
  { key: 'value', label: 'inspColValue', cls: 'c-value' },
  { key: 'domain', label: 'inspColDomain', cls: 'c-domain' },
  { key: 'path', label: 'inspColPath', cls: 'c-path' },
  { key: 'expires', label: 'inspColExpires', cls: 'c-expires' },
  { key: 'flags', label: 'inspColFlags', cls: 'c-flags' },
  { key: 'size', label: 'inspColSize', cls: 'c-size' },
  { key: 'risk', label: 'inspColRisk', cls: 'c-risk' },
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
  revealed: ReadonlySet<string>;
  onReveal(row: InspectorRow): void;
  onCopy(row: InspectorRow): void;
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
      {p.rows.length === 0 && <p class="empty">{t('inspNoCookies')}</p>}
    </div>
  );
}

function CookieRow({ row, index, ...p }: Props & { row: InspectorRow; index: number }) {
  const c = row.cookie;
  const name = c.name || t('inspEmptyName');
  const shown = p.revealed.has(row.key);
  const exp = expiresText(c, p.now);
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
      <td class="c-token">
        {row.token !== undefined && (
          <span class="token" title={render(row.token)}>
            {t('inspTokenMark')}
          </span>
        )}
      </td>
      <td class="c-name">
        <button type="button" class="link" title={t('inspShowDetails', name)} onClick={() => p.onSelect(row)}>
          {name}
        </button>
      </td>
      <td class="c-value">
        <span class={shown ? 'value' : 'value masked'}>{shown ? c.value : '••••••'}</span>
        <button
          type="button"
          class="mini"
          aria-pressed={shown}
          aria-label={t(shown ? 'inspHideValue' : 'inspRevealValue', name)}
          onClick={() => p.onReveal(row)}
        >
          {t(shown ? 'inspHide' : 'inspShow')}
        </button>
        <button type="button" class="mini" aria-label={t('inspCopyValue', name)} onClick={() => p.onCopy(row)}>
          {t('inspCopy')}
        </button>
      </td>
      <td class="c-domain">{c.domain}</td>
      <td class="c-path">{c.path}</td>
      <td class="c-expires">
        {exp.session ? (
          t('inspSession')
        ) : (
          <>
            <span>{exp.relative}</span> <span class="muted date">{exp.date}</span>
          </>
        )}
      </td>
      <td class="c-flags">{row.flags.join(' · ')}</td>
      <td class="c-size">{row.size}</td>
      <td class="c-risk">{row.worst && <span class={`sev sev-${row.worst.toLowerCase()}`}>{row.worst}</span>}</td>
    </tr>
  );
}
