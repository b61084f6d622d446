// Every failing HTTP status a WebDAV server gives names its own problem, and the backoff grows
// from 15 s up to the pull interval.
import { describe, expect, it } from 'vitest';
import { problemForStatus, retryDelayMs } from '../../../../src/core/sync/sync-problem.ts';

describe('sync problems', () => {
  it('maps each status to a problem a person can act on', () => {
    const table: [number, string, string][] = [
      [401, 'auth', 'syncErrAuth'],
      [403, 'forbidden', 'syncErrForbidden'],
      [404, 'not-found', 'syncErrNotFound'],
      [409, 'conflict', 'syncErrConflict'],
      [412, 'precondition', 'syncErrPrecondition'],
      [423, 'locked', 'syncErrLocked'],
      [507, 'full', 'syncErrFull'],
      [500, 'server', 'syncErrServer'],
      [503, 'server', 'syncErrServer'],
      [418, 'garbage', 'syncErrUnexpected'],
    ];
    for (const [status, code, key] of table) {
      const p = problemForStatus(status);
      expect([p.problem, p.userMessage.key, p.userMessage.substitutions]).toEqual([code, key, [status]]);
      expect(p.httpStatus).toBe(status);
    }
  });

  it('backs off from 15 s, doubling, up to the pull interval', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, 5))).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000,
    ]);
    expect(retryDelayMs(100, 60)).toBe(3_600_000);
  });
});
