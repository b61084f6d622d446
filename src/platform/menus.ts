// The toolbar button's context menu: Chrome's `contextMenus`, Firefox's `menus` (which also
// answers to `contextMenus`). Item titles are _locales messages, rendered here in the browser's
// language.
import type { UserMessage } from '../core/user-error.ts';
import type { MenusApi } from './types.ts';

export interface MenusNamespace {
  contextMenus?: {
    create(p: { id: string; title: string; contexts: string[] }, done?: () => void): unknown;
    remove(id: string): Promise<void> | void;
  };
  i18n: { getMessage(key: string, subs?: string[]): string };
  runtime: { lastError?: unknown };
}

export function makeMenusApi(ns: MenusNamespace): MenusApi | undefined {
  const menus = ns.contextMenus;
  if (!menus) return undefined;
  return {
    async setActionItem(id: string, title: UserMessage) {
      // Items outlive the worker (the browser keeps them): one of the same id is replaced.
      await Promise.resolve(menus.remove(id)).catch(() => undefined);
      const text = ns.i18n.getMessage(title.key, (title.substitutions ?? []).map(String)) || title.key;
      await new Promise<void>((resolve, reject) =>
        menus.create({ id, title: text, contexts: ['action'] }, () => {
          // Reading lastError is what keeps Chrome from logging it as unchecked.
          const err = ns.runtime.lastError;
          if (err) reject(err instanceof Error ? err : new Error(String((err as { message?: string }).message)));
          else resolve();
        }),
      );
    },
  };
}
