// Whether the worker can save: the popup shows a notice while writes fail (and the badge says "!").

/** Why writes fail: the disk is full (or the quota used up), or the database cannot be used. */
export type WriteFailureReason = 'quota' | 'unavailable';

export interface HealthStatus {
  /** Set while writes fail (they are retried): why, and since when (ms since the epoch). */
  failing?: { reason: WriteFailureReason; since: number };
}

export interface HealthMessages {
  'health.status': { req: Record<string, never>; res: HealthStatus };
}
