// What the worker's logic needs from the outside world, passed in so tests can hand in fakes.
import type { Platform } from '../platform/types.ts';
import type { DB } from '../store/db.ts';

export interface Deps {
  db(): Promise<DB>;
  platform: Platform;
  now(): number;
  newId(): string;
}
