import { describe, expect, it } from 'vitest';
import { buildRows } from '../../../../src/ui/inspector/rows.ts';
import {
  filterRows,
  isFiltering,
  nextSort,
  NO_FILTER,
  sortRows,
  visibleRange,
} from '../../../../src/ui/inspector/table-model.ts';
import { expiresText } from '../../../../src/ui/inspector/expires.ts';
import { cookie, DAY_S, NOW, NOW_S, STRONG_TOKEN } from '../../support/make-cookie.ts';

const cookies = [
  cookie({ name: 'theme', value: 'dark', domain: 'app.example.test' }),
  cookie({ name: 'PHPSESSID', value: 'abc123', httpOnly: false, sameSite: 'unspecified' }),
  cookie({
    name: 'zeta',
    value: 'Needle',
    domain: '.other.test',
    hostOnly: false,
    session: false,
    expirationDate: NOW_S + 3 * DAY_S,
  }),
  cookie({ name: '__Host-id', value: STRONG_TOKEN, sameSite: 'strict', session: false, expirationDate: NOW_S + DAY_S }),
  cookie({ name: 'item10', value: 'x'.repeat(40) }),
  cookie({ name: 'item9', value: 'y' }),
];
const { rows } = buildRows(cookies, NOW);
const names = (rs: { cookie: { name: string } }[]) => rs.map((r) => r.cookie.name);

describe('inspector table model', () => {
  it('filters on name, value and domain, case-insensitively', () => {
    expect(names(filterRows(rows, { ...NO_FILTER, query: 'needle' }))).toEqual(['zeta']);
    expect(names(filterRows(rows, { ...NO_FILTER, query: 'PHPS' }))).toEqual(['PHPSESSID']);
    expect(names(filterRows(rows, { ...NO_FILTER, query: 'OTHER.test' }))).toEqual(['zeta']);
    expect(filterRows(rows, { ...NO_FILTER, query: '  ' })).toHaveLength(rows.length);
  });

  it('session-only keeps cookies without expiry; tokens-only keeps what looks like a session id', () => {
    expect(names(filterRows(rows, { ...NO_FILTER, sessionOnly: true }))).toEqual([
      'theme',
      'PHPSESSID',
      'item10',
      'item9',
    ]);
    expect(names(filterRows(rows, { ...NO_FILTER, tokensOnly: true })).sort()).toEqual(['PHPSESSID', '__Host-id']);
  });

  it('"Has findings" keeps only the cookies the audit found something about', () => {
    const kept = filterRows(rows, { ...NO_FILTER, findingsOnly: true });
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(rows.length);
    expect(kept.every((r) => r.findings.length > 0)).toBe(true);
    expect(names(kept)).toContain('PHPSESSID');
    expect(names(kept)).not.toContain('theme');
  });

  it('knows when the filter hides anything, so an empty table can say "no match" rather than "no cookies"', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, query: '   ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, query: 'x' })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, findingsOnly: true })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, sessionOnly: true })).toBe(true);
  });

  it('sorts names naturally, flips direction on the same column, and keeps ties stable', () => {
    expect(names(sortRows(rows, { key: 'name', dir: 'ascending' }))).toEqual([
      '__Host-id',
      'item9',
      'item10',
      'PHPSESSID',
      'theme',
      'zeta',
    ]);
    expect(names(sortRows(rows, { key: 'name', dir: 'descending' }))[0]).toBe('zeta');
    expect(nextSort({ key: 'name', dir: 'ascending' }, 'name')).toEqual({ key: 'name', dir: 'descending' });
    expect(nextSort({ key: 'name', dir: 'descending' }, 'size')).toEqual({ key: 'size', dir: 'ascending' });
  });

  it('sorts expiry with session cookies first, size by bytes, and risk worst first', () => {
    const byExp = names(sortRows(rows, { key: 'expires', dir: 'ascending' }));
    expect(byExp.slice(-2)).toEqual(['__Host-id', 'zeta']);
    expect(names(sortRows(rows, { key: 'size', dir: 'descending' }))[0]).toBe('item10');
    const byRisk = sortRows(rows, { key: 'risk', dir: 'ascending' });
    expect(byRisk[0]?.cookie.name).toBe('PHPSESSID');
    expect(byRisk[0]?.worst).toBe('High');
  });

  it('marks session tokens and computes flags', () => {
    const php = rows.find((r) => r.cookie.name === 'PHPSESSID')!;
    expect(php.token).toBeTruthy();
    expect(php.flags).toEqual(['Secure', 'SameSite unset', 'Host-only']);
    expect(rows.find((r) => r.cookie.name === 'theme')!.token).toBeUndefined();
  });

  it('windows only the visible rows', () => {
    expect(visibleRange(5000, 0, 320, 32, 8)).toEqual({ first: 0, last: 18 });
    expect(visibleRange(5000, 32 * 1000, 320, 32, 8)).toEqual({ first: 992, last: 1018 });
    expect(visibleRange(5, 0, 320, 32)).toEqual({ first: 0, last: 5 });
  });

  it('reads Session for session cookies and "in 3 days" otherwise', () => {
    expect(expiresText({ session: true }, NOW, 'en').session).toBe(true);
    const e = expiresText({ session: false, expirationDate: NOW_S + 3 * DAY_S }, NOW, 'en');
    expect(e.relative).toBe('in 3 days');
    expect(e.date).toMatch(/2026/);
  });
});
