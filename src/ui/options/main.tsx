import { render } from 'preact';
import { OptionsApp } from './options-app.tsx';

import { t } from '../i18n.ts';

document.title = t('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
