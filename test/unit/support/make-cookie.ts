// A plain, harmless cookie to vary per test: only the field under test changes.
import type { CookieRecord } from '../../../src/core/cookies/cookie-record.ts';

export const NOW = Date.UTC(2026, 0, 1); // ms
export const NOW_S = NOW / 1000;
export const DAY_S = 86_400;

/** 32 random hex characters: 128 bits. */
export const STRONG_TOKEN = '9f86d081884c7d659a2feaa0c55ad015';

export function cookie(over: Partial<CookieRecord> = {}): CookieRecord {
  return {
    name: 'theme',
    value: 'dark',
    domain: 'app.example.test',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    session: true,
    storeId: '0',
    ...over,
  };
}

/** A session cookie that passes every per-cookie rule. */
export function goodSession(over: Partial<CookieRecord> = {}): CookieRecord {
  return cookie({ name: '__Host-id', value: STRONG_TOKEN, sameSite: 'strict', ...over });
}
