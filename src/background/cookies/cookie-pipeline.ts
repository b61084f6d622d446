// The worker's one subscription to cookies.onChanged, feeding cookie keeping and the live log.
// It exists only while one of them needs it (keeping is on and allowed, or an inspector is open),
// so ordinary browsing does not wake the worker for every cookie the web sets. The cookies API
// itself appears only once the optional permission is granted: every update() tries again.
import type { RawCookieChange } from '../../platform/cookies.ts';
import type { WorkerContext } from '../context.ts';

export class CookiePipeline {
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly ctx: WorkerContext) {}

  /** Subscribes or unsubscribes as keeping and the log now need. */
  update(): void {
    const wanted = this.ctx.keeper.listening() || this.ctx.cookieLog.listening();
    if (wanted && !this.unsubscribe && this.ctx.platform.cookies.available()) {
      this.unsubscribe = this.ctx.platform.cookies.onChanged((c) => this.changed(c));
    } else if (!wanted && this.unsubscribe) {
      this.unsubscribe();
      this.unsubscribe = undefined;
    }
  }

  /** A permission came or went: keeping looks at everything again, and the API may be new. */
  permissionsChanged(): void {
    this.ctx.keeper.refresh();
    this.update();
  }

  private changed(change: RawCookieChange): void {
    if (this.ctx.keeper.listening()) this.ctx.keeper.changed(change);
    if (this.ctx.cookieLog.listening()) this.ctx.cookieLog.changed(change);
  }
}
