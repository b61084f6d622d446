// Shared test helpers for the import/export format tests.
import { readFileSync } from 'node:fs';
import type { ImportOptions, SkipNote } from '../../../src/core/formats/index.ts';
import type { SessionWithBody, TabRecord, WindowRecord } from '../../../src/core/model.ts';
import { countTabs } from '../../../src/core/model.ts';
import { english } from './english.ts';

export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
}

export const NOW = Date.UTC(2026, 8, 1, 10, 0, 0);

export function idOptions(prefix = 'new'): ImportOptions {
  let n = 0;
  return { newId: () => `${prefix}-${++n}`, now: NOW };
}

export function window(tabs: TabRecord[], extra: Partial<WindowRecord> = {}): WindowRecord {
  return { type: 'normal', state: 'normal', incognito: false, focused: false, tabs, groups: [], ...extra };
}

export function session(
  id: string,
  name: string,
  windows: WindowRecord[],
  extra: Partial<SessionWithBody['session']> = {},
): SessionWithBody {
  return {
    session: {
      id,
      name,
      kind: 'manual',
      createdAt: NOW - 1000,
      updatedAt: NOW - 500,
      tags: [],
      counts: countTabs(windows),
      ...extra,
    },
    body: { id, windows },
  };
}

/** Windows as [url, title][] lists: what the line-based formats must preserve. */
export function urlsAndTitles(items: readonly SessionWithBody[]): [string, string][][] {
  return items.flatMap(({ body }) => body.windows.map((w) => w.tabs.map((t) => [t.url, t.title] as [string, string])));
}

export function urlsOnly(items: readonly SessionWithBody[]): string[][] {
  return items.flatMap(({ body }) => body.windows.map((w) => w.tabs.map((t) => t.url)));
}

/** Skip notes as a person reads them: "what: why". */
export function notes(skipped: readonly SkipNote[]): string[] {
  return skipped.map((n) => `${english(n.what)}: ${english(n.reason)}`);
}
