// The Sync section's status line, in the words a person reads.
import { describe, expect, it } from 'vitest';
import { syncStatusMessage } from '../../../../src/core/sync/status-text.ts';
import { msg } from '../../../../src/core/user-error.ts';
import { english } from '../../support/english.ts';

const NOW = 1_790_000_000_000;

describe('sync status line', () => {
  it('starts with "Synced" after a good sync, with how long ago', () => {
    expect(english(syncStatusMessage({ state: 'idle', lastSyncAt: NOW - 120_000 }, NOW, 'en'))).toBe(
      'Synced 2 minutes ago',
    );
    expect(english(syncStatusMessage({ state: 'idle', lastSyncAt: NOW }, NOW, 'en'))).toBe('Synced now');
    expect(english(syncStatusMessage({ state: 'idle' }, NOW, 'en'))).toBe('Not synced yet.');
  });

  it('says what is wrong and when it is tried again', () => {
    const problem = { userMessage: msg('syncErrAuth', 401) };
    expect(english(syncStatusMessage({ state: 'failing', problem, retryAt: NOW + 30_000 }, NOW, 'en'))).toBe(
      'Sync failed: The server refused the user name or password (HTTP 401). Trying again in 30 seconds.',
    );
    expect(english(syncStatusMessage({ state: 'ask', problem: { userMessage: msg('syncErrServerLost') } }, NOW))).toBe(
      'Sync failed: The server no longer has what this device synced.',
    );
  });

  it('says nothing while off, and "Syncing…" while talking to the server', () => {
    expect(syncStatusMessage({ state: 'off' }, NOW)).toBeUndefined();
    expect(english(syncStatusMessage({ state: 'syncing', lastSyncAt: NOW }, NOW))).toBe('Syncing…');
  });
});
