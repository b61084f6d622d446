// The full-page manager: open, move and delete checked tabs across sessions.
import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';

type ManagerHandlers = Pick<Handlers, `manager.${string}` & keyof Handlers>;

export function managerHandlers({ tabSelection }: WorkerContext): ManagerHandlers {
  return {
    'manager.openTabs': ({ tabs }) => tabSelection.open(tabs),
    'manager.moveTabs': ({ tabs, to }) => tabSelection.move(tabs, to),
    'manager.deleteTabs': ({ tabs }) => tabSelection.delete(tabs),
    'manager.undoDeleteTabs': ({ undoId }) => tabSelection.undoDelete(undoId),
  };
}
