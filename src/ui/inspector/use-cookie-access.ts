// Whether this page may read the site's cookies: asked when the page opens, and again after the
// person allows access or a read is refused.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { CookieAccess } from '../../shared/messages/cookies-messages.ts';

export interface CookieAccessState {
  /** Undefined until the worker has answered. */
  access: CookieAccess | undefined;
  granted: boolean;
  checkAccess(): Promise<void>;
}

export function useCookieAccess(url: string, fail: (e: unknown) => void): CookieAccessState {
  const [access, setAccess] = useState<CookieAccess | undefined>(undefined);
  const checkAccess = useCallback(async () => {
    if (!url) return;
    try {
      setAccess(await call('cookies.access', { url }));
    } catch (e) {
      fail(e);
    }
  }, [url, fail]);

  useEffect(() => {
    void checkAccess();
  }, [checkAccess]);

  return { access, granted: !!access && access.cookies && access.host, checkAccess };
}
