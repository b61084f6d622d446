// While the worker cannot save (a full disk, a database that fails), the popup says so first,
// and the notice goes as soon as writes get through again (the worker's health.changed event).
import { useEffect, useState } from 'preact/hooks';
import { call, onWorkerEvent } from '../../shared/client.ts';
import type { HealthStatus } from '../../shared/messages/health-messages.ts';
import { t } from '../i18n.ts';

export function SaveHealthNotice() {
  const [failing, setFailing] = useState<HealthStatus['failing']>(undefined);

  useEffect(() => {
    let heard = false;
    const stop = onWorkerEvent((e) => {
      if (e.tabulariumEvent !== 'health.changed') return;
      heard = true;
      setFailing(e.failing);
    });
    // An event that came while the question was on its way is newer than the answer.
    call('health.status', {}).then(
      (r) => heard || setFailing(r.failing),
      () => undefined,
    );
    return stop;
  }, []);

  if (!failing) return null;
  return (
    <p class="health-notice" role="alert">
      {t(failing.reason === 'quota' ? 'cannotSaveDiskFull' : 'cannotSaveUnavailable')}
    </p>
  );
}
