import { render } from 'preact';
import { firstCall } from '../../shared/client.ts';
import { takeEarlyList } from '../early-list/early-list.ts';
import { App } from './app.tsx';

// The list was asked for by the head's early script (src/ui/early-list/), or is asked here if that
// did not run: before the first render in any case, as an effect would ask only after the first
// paint. (Loading the rest of the popup's code dynamically was tried: no faster.) The popup's
// other questions wait for its answer.
const firstList = firstCall('sessions.list', {}, takeEarlyList());
firstList.catch(() => undefined);
render(<App firstList={firstList} />, document.getElementById('app')!);
