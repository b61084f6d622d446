import { firstCall } from '../../shared/client.ts';

// The list is asked for first, while the rest of the page's modules load (as the inspector does):
// with 1,000 sessions the worker's answer takes about as long as the page's own code. The page's
// other questions wait for its answer.
const firstList = firstCall('sessions.list', {});
firstList.catch(() => undefined);
const [{ render }, { ManagerApp }] = await Promise.all([import('preact'), import('./manager-app.tsx')]);
render(<ManagerApp firstList={firstList} />, document.getElementById('app')!);
