// The toolbar badge says when a crashed session is waiting to be recovered.
import type { Platform } from '../platform/types.ts';
import type { PendingRecovery } from '../store/store.ts';

export async function showPendingOnBadge(platform: Platform, pending: PendingRecovery | undefined): Promise<void> {
  const text = pending ? String(pending.tabs > 999 ? '999+' : pending.tabs) : '';
  await platform.badge.set(text, '#b3261e').catch(() => undefined);
}
