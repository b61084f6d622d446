// The toolbar badge: "!" while writes fail, else the number of tabs of a crashed session waiting
// to be recovered. Both are kept, so the one does not wipe out the other: the failure wins while it
// lasts, and the waiting tabs show again when writes work.
import type { WriteFailureReason } from '../shared/messages/health-messages.ts';
import type { PendingRecovery } from '../store/store.ts';
import type { WorkerContext } from './context.ts';

const ERROR_COLOUR = '#b3261e';

export class Badge {
  private pending: PendingRecovery | undefined;
  private failing: WriteFailureReason | undefined;
  /** One update at a time: text and colour are two calls, and an older update must not land last. */
  private shown: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: WorkerContext) {}

  showPending(pending: PendingRecovery | undefined): Promise<void> {
    this.pending = pending;
    return this.render();
  }

  showFailure(reason: WriteFailureReason | undefined): Promise<void> {
    this.failing = reason;
    return this.render();
  }

  private render(): Promise<void> {
    const text = this.failing ? '!' : this.pending ? String(this.pending.tabs > 999 ? '999+' : this.pending.tabs) : '';
    this.shown = this.shown.then(() => this.ctx.platform.badge.set(text, ERROR_COLOUR).catch(() => undefined));
    return this.shown;
  }
}
