import { render } from 'preact';
import { InspectorApp } from './inspector-app.tsx';

// `?url=<page url>`: the page whose cookies to show (the DevTools panel passes the inspected tab's).
const url = new URLSearchParams(location.search).get('url') ?? '';
render(<InspectorApp initialUrl={url} />, document.getElementById('app')!);
