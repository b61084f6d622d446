import type { RestoreReport } from './sessions.ts';

export interface RecoveryMessages {
  'recovery.status': { req: Record<string, never>; res: { pending?: { windows: number; tabs: number; at: number } } };
  'recovery.recover': { req: Record<string, never>; res: RestoreReport };
  'recovery.dismiss': { req: Record<string, never>; res: Record<string, never> };
}
