// The manager's views, in tab-bar order. Another view (History, src/ui/manager/history/) joins with
// one line here; the tab bar appears once there are two.
import type { ComponentType } from 'preact';
import type { Res } from '../../shared/protocol.ts';
import type { MessageKey } from '../message-keys.ts';
import { HistoryView } from './history/history-view.tsx';
import { SessionsView } from './sessions-view.tsx';

export interface ViewProps {
  /** The session list main.tsx asked for before the first render (the first view uses it). */
  firstList?: Promise<Res<'sessions.list'>>;
}

export interface ManagerView {
  /** Also the page's hash: `index.html#history` opens that view. */
  id: string;
  label: MessageKey;
  View: ComponentType<ViewProps>;
}

export const managerViews: ManagerView[] = [
  { id: 'sessions', label: 'managerViewSessions', View: SessionsView },
  { id: 'history', label: 'managerViewHistory', View: HistoryView },
];
