import type { Handlers } from '../../shared/protocol.ts';
import type { Services } from '../deps.ts';

export function diagnosticsHandlers(s: Services): Pick<Handlers, 'diagnostics.tracker'> {
  return {
    async 'diagnostics.tracker'() {
      await s.tracker.start();
      return { ...s.tracker.stats, tabs: s.tracker.state.tabCount(), handlerMs: { ...s.handlerMs } };
    },
  };
}
