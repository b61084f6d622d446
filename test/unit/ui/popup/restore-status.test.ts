// The popup's line after a restore says what did not come back and why, in the person's words:
// never a message key, a log string or "undefined".
import { describe, expect, it, vi } from 'vitest';
import { msg } from '../../../../src/core/user-error.ts';
import type { RestoreReport } from '../../../../src/shared/protocol.ts';
import { englishText } from '../../support/english.ts';

// The page's i18n reads the English locale file, as chrome.i18n would.
vi.mock('../../../../src/platform/page-browser.ts', () => ({
  pageBrowser: { i18n: { getMessage: (key: string, subs: string[] = []) => englishText(key, subs) } },
}));
const { restoreStatus } = await import('../../../../src/ui/popup/restore-status.ts');

const report = (failed: RestoreReport['failed']): RestoreReport => ({
  windows: 1,
  tabs: 2,
  blocked: 0,
  failed,
  cancelled: false,
  cookies: { restored: 0, skipped: [], failed: [] },
});

describe('restore status', () => {
  it('renders a refused private window as its message', () => {
    const s = restoreStatus(report([{ url: '', reason: msg('errIncognitoNotAllowed') }]));
    expect(s.kind).toBe('error');
    expect(s.text).toBe(`Restored 2 tabs in 1 window. Not restored (1): ${englishText('errIncognitoNotAllowed')}`);
    expect(s.text).not.toMatch(/undefined|errIncognito/);
  });

  it('says each reason once, and how many more there are', () => {
    const refused = (url: string, words: string) => ({ url, reason: msg('restoreBrowserSaid', words) });
    const s = restoreStatus(
      report([
        refused('a:1', 'No A'),
        refused('a:2', 'No A'),
        refused('b:1', 'No B'),
        refused('c:1', 'No C'),
        refused('d:1', 'No D'),
      ]),
      undefined,
    );
    expect(s.text).toBe(
      'Restored 2 tabs in 1 window. Not restored (5): The browser refused: “No A”. The browser refused: “No B”. ' +
        'The browser refused: “No C”. …and 1 more.',
    );
  });

  it('is a plain line when everything came back', () => {
    expect(restoreStatus(report([]))).toEqual({ kind: 'info', text: 'Restored 2 tabs in 1 window.' });
  });
});
