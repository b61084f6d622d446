// The worker's real services and handlers over a fake browser and a fresh in-memory database:
// what most worker tests start from.
import { createServices } from '../../../src/background/app.ts';
import type { Deps } from '../../../src/background/deps.ts';
import { createHandlers } from '../../../src/background/handlers/index.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { FakeBrowser } from './fake-platform.ts';

export function fakeWorker(name = 'worker') {
  const fake = new FakeBrowser();
  let n = 0;
  const dbp = openDatabase(`${name}-${Math.random()}`);
  const deps: Deps = {
    db: () => dbp,
    platform: fake.platform(),
    now: () => 1_790_000_000_000,
    newId: () => `id${++n}`,
  };
  const services = createServices(deps);
  return { fake, deps, services, handlers: createHandlers(services) };
}
