import { describe, expect, it } from 'vitest';
import { hasAccess, pageState, tableEmpty } from '../../../../src/ui/inspector/page-state.ts';

const origins = ['*://*.example.test/*'];

describe('what the inspector may show', () => {
  it('shows only the access prompt once the worker says cookies or the site are off', () => {
    expect(pageState({ cookies: false, host: true, origins })).toBe('gate');
    expect(pageState({ cookies: true, host: false, origins })).toBe('gate');
    expect(pageState({ cookies: false, host: false, origins })).toBe('gate');
    expect(hasAccess({ cookies: false, host: true, origins })).toBe(false);
  });

  it('shows the inspector with access, and while the access check is still out (the read goes first)', () => {
    expect(pageState({ cookies: true, host: true, origins })).toBe('ready');
    expect(pageState(undefined)).toBe('ready');
    expect(hasAccess(undefined)).toBe(false);
  });

  it('says why the table is empty: still reading, no cookies at all, or a filter that matches none', () => {
    expect(tableEmpty(false, 0, 0, false)).toBe('reading');
    expect(tableEmpty(true, 0, 0, false)).toBe('no-cookies');
    expect(tableEmpty(true, 0, 0, true)).toBe('no-cookies');
    expect(tableEmpty(true, 5, 0, true)).toBe('no-match');
    expect(tableEmpty(true, 5, 2, true)).toBeUndefined();
  });
});
