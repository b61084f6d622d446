// Whether the worker's writes get through. The tracker and the cookie keeper report each write
// (and the tracker its start); while any of them fails, the person is told — a notice in the popup
// (health.status, health.changed) and "!" on the toolbar badge — and the failed changes are kept
// and retried by their owner. The notice goes when every one of them writes again.
import { UserError } from '../core/user-error.ts';
import type { HealthStatus, WriteFailureReason } from '../shared/messages/health-messages.ts';
import type { HealthChangedEvent } from '../shared/worker-events.ts';
import type { WorkerContext } from './context.ts';

/** Who writes continuously, without a person waiting for the answer (who would see the error). */
export type WriteSource = 'live' | 'cookies';

export class WriteHealth {
  private readonly failing = new Map<WriteSource, { reason: WriteFailureReason; since: number }>();
  /** The reason last told to the badge and the pages ('' when writes work). */
  private told = '';

  constructor(private readonly ctx: WorkerContext) {}

  failed(source: WriteSource, e: unknown): void {
    const since = this.failing.get(source)?.since ?? this.ctx.now();
    this.failing.set(source, { reason: failureReason(e), since });
    this.changed();
  }

  succeeded(source: WriteSource): void {
    if (this.failing.delete(source)) this.changed();
  }

  status(): HealthStatus {
    const all = [...this.failing.values()];
    if (all.length === 0) return {};
    // A full disk is what the person can do something about: it is named whoever else fails.
    const reason = all.some((f) => f.reason === 'quota') ? 'quota' : 'unavailable';
    return { failing: { reason, since: Math.min(...all.map((f) => f.since)) } };
  }

  private changed(): void {
    const status = this.status();
    const reason = status.failing?.reason ?? '';
    if (reason === this.told) return;
    this.told = reason;
    void this.ctx.badge.showFailure(status.failing?.reason);
    this.ctx.platform.runtime.broadcast({ tabulariumEvent: 'health.changed', ...status } satisfies HealthChangedEvent);
  }
}

/** Quota (the store's StoreError, or the browser's own error) or anything else. */
export function failureReason(e: unknown): WriteFailureReason {
  if (e instanceof UserError) return e.code === 'quota' ? 'quota' : 'unavailable';
  return (e as { name?: unknown } | null)?.name === 'QuotaExceededError' ? 'quota' : 'unavailable';
}

/** The database failing (full, closed, aborted): trying again later may work, unlike after a bug. */
export function isStorageFailure(e: unknown): boolean {
  if (e instanceof UserError) return e.code === 'quota' || e.code === 'unavailable';
  return typeof DOMException !== 'undefined' && e instanceof DOMException;
}
