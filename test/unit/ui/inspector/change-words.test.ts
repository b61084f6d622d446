import { describe, expect, it } from 'vitest';
import { causeKey, changedFields } from '../../../../src/ui/inspector/change-words.ts';
import { cookie, NOW_S } from '../../support/make-cookie.ts';
import { englishText } from '../../support/english.ts';

const words = (kind: 'added' | 'removed' | 'updated', cause: string) => {
  const key = causeKey({ kind, cause });
  return key === 'inspCauseOther' ? englishText(key, [cause]) : englishText(key);
};

describe('change log words', () => {
  it('names every cookies.onChanged cause in plain words, never "(cause: explicit)"', () => {
    expect(words('added', 'explicit')).toBe('set by the page');
    expect(words('updated', 'explicit')).toBe('replaced');
    expect(words('removed', 'explicit')).toBe('deleted');
    expect(words('removed', 'overwrite')).toBe('replaced');
    expect(words('removed', 'expired')).toBe('expired');
    expect(words('removed', 'expired_overwrite')).toMatch(/^expired/);
    expect(words('removed', 'evicted')).toMatch(/^evicted/);
    for (const cause of ['explicit', 'overwrite', 'expired', 'expired_overwrite', 'evicted'])
      expect(words('removed', cause)).not.toContain(cause === 'explicit' ? 'explicit' : '_');
  });

  it("keeps a cause it does not know, in words that say it is the browser's", () => {
    expect(words('removed', 'something_new')).toBe('browser reason: something_new');
  });

  it('shows an update as the fields that changed, old → new', () => {
    const before = cookie({ value: 'a' });
    expect(changedFields({ kind: 'updated', previous: before, cookie: { ...before, value: 'b' } })).toEqual(['value']);
    expect(
      changedFields({
        kind: 'updated',
        previous: before,
        cookie: { ...before, session: false, expirationDate: NOW_S + 60, secure: false },
      }),
    ).toEqual(['expires', 'flags']);
    // Set again unchanged: the value still shows, so the entry is not blank.
    expect(changedFields({ kind: 'updated', previous: before, cookie: before })).toEqual(['value']);
    expect(changedFields({ kind: 'added', cookie: before })).toEqual(['value']);
    expect(changedFields({ kind: 'removed', cookie: before })).toEqual(['value']);
  });
});
