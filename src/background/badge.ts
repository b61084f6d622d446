// The toolbar badge says when a crashed session is waiting to be recovered.
import type { Deps } from './deps.ts';
import type { PendingRecovery } from './recovery.ts';

export async function updateBadge(deps: Deps, pending: PendingRecovery | undefined): Promise<void> {
  await deps.platform.badge
    .set(pending ? String(pending.tabs > 999 ? '999+' : pending.tabs) : '', '#b3261e')
    .catch(() => undefined);
}
