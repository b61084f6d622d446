// The popup's line after a save says when the cookies could not be kept, and why, in words.
import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../../src/core/model.ts';
import { msg } from '../../../../src/core/user-error.ts';
import { englishText } from '../../support/english.ts';

// The page's i18n reads the English locale file, as chrome.i18n would.
vi.mock('../../../../src/platform/page-browser.ts', () => ({
  pageBrowser: { i18n: { getMessage: (key: string, subs: string[] = []) => englishText(key, subs) } },
}));
const { saveStatus } = await import('../../../../src/ui/popup/save-status.ts');

const trip = { name: 'Trip' } as Session;

describe('save status', () => {
  it('says the cookies could not be kept, and why', () => {
    expect(saveStatus(trip, msg('saveCookiesNotKept', msg('errQuota')))).toEqual({
      kind: 'error',
      text: 'Saved “Trip”. Its cookies could not be kept: The disk is full or the storage quota is used up: nothing was changed.',
    });
  });

  it('is a plain line when the cookies were kept (or there were none)', () => {
    expect(saveStatus(trip, undefined)).toEqual({ kind: 'info', text: 'Saved “Trip”.' });
  });
});
