// The live cookie log: pairs the browser's change events (an update is a removal with cause
// 'overwrite' then an insert) and sends each open inspector the changes that concern its page.
// Its changes come from the cookie pipeline, which listens to the browser only while someone
// (an inspector here, or cookie keeping) needs it.
import { ChangePairer, type CookieChange } from '../../core/cookies/cookie-log-pairing.ts';
import { cookieConcernsHost, pageHost } from '../../core/cookies/site-match.ts';
import type { RawCookieChange } from '../../platform/cookies.ts';
import type { CookieLogWorkerPort } from '../../shared/cookie-log-protocol.ts';
import type { WorkerContext } from '../context.ts';

// The insert follows its overwrite within the same task in practice; this is a safety margin.
const PAIR_WINDOW_MS = 100;

export class CookieLogHub {
  /** Open inspectors, with the host each one watches (undefined until it says). */
  private readonly watchers = new Map<CookieLogWorkerPort, string | undefined>();
  private readonly pairer = new ChangePairer();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ctx: WorkerContext) {}

  /** A page opened the log's port. */
  attach(port: CookieLogWorkerPort): void {
    this.watchers.set(port, undefined);
    port.onMessage((m) => {
      if (m.type !== 'watch') return;
      this.watchers.set(port, pageHost(m.url));
      // The permission may arrive after the page opened: every 'watch' asks again.
      this.ctx.cookiePipeline.update();
    });
    port.onDisconnect(() => {
      this.watchers.delete(port);
      this.ctx.cookiePipeline.update();
    });
  }

  /** Whether any inspector is watching a page. */
  listening(): boolean {
    return this.watchers.size > 0;
  }

  changed(raw: RawCookieChange): void {
    this.deliver(this.pairer.push(raw, this.ctx.now()));
    if (this.pairer.hasPending() && !this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        this.deliver(this.pairer.flush());
      }, PAIR_WINDOW_MS);
    }
  }

  private deliver(changes: CookieChange[]): void {
    if (!changes.length) return;
    for (const [port, host] of this.watchers) {
      if (!host) continue;
      const mine = changes.filter((c) => cookieConcernsHost(c.cookie, host));
      if (mine.length) port.post({ type: 'changes', changes: mine });
    }
  }
}
