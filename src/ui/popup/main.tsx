import { render } from 'preact';
import { firstCall } from '../../shared/client.ts';
import { App } from './app.tsx';

// The list is asked for before the first render: an effect would ask only after the first paint.
// (Loading the rest of the popup's code dynamically, after this call, was tried: no faster.) The
// popup's other questions wait for its answer.
const firstList = firstCall('sessions.list', {});
firstList.catch(() => undefined);
render(<App firstList={firstList} />, document.getElementById('app')!);
