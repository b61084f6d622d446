// The usual setup of an e2e file: a local web server and one browser with the extension, both
// closed (and the throwaway profile removed) when the file is done.
import { afterAll, beforeAll } from 'vitest';
import { launch, removeProfileDir, type Launched } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

export interface BrowserEnv {
  b: Launched;
  server: TestServer;
}

export function useBrowser(): BrowserEnv {
  const env = {} as BrowserEnv;
  beforeAll(async () => {
    env.server = await startServer();
    env.b = await launch();
  });
  afterAll(async () => {
    await env.b?.ctx.close();
    if (env.b) removeProfileDir(env.b.profileDir);
    await env.server?.close();
  });
  return env;
}
