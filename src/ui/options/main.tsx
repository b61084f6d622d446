import { render } from 'preact';
import { OptionsApp } from './options-app.tsx';

render(<OptionsApp />, document.getElementById('app')!);
