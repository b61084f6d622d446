// Built on its own as one classic script (/early-list.js, vite.config.ts): it runs where the page's
// head names it, before the page's modules, and asks the worker for the session list.
import { startEarlyList } from './early-list.ts';

startEarlyList();
