// The DevTools page: adds the "Sessions & Cookies" panel showing the inspector for the inspected
// tab. It only creates the panel; the panel page itself follows later navigations.
import { createInspectorPanel } from '../../platform/devtools-panel.ts';
import { t } from '../i18n.ts';

createInspectorPanel(t('inspPanelTitle'));
