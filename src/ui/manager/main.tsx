import { render } from 'preact';
import { firstCall } from '../../shared/client.ts';
import { takeEarlyList } from '../early-list/early-list.ts';
import { ManagerApp } from './manager-app.tsx';

// The list was asked for by the head's early script (src/ui/early-list/), as in the popup; the
// page's other questions wait for its answer.
const firstList = firstCall('sessions.list', {}, takeEarlyList());
firstList.catch(() => undefined);
render(<ManagerApp firstList={firstList} />, document.getElementById('app')!);
