// Replaced at build time (vite.config.ts `define`): true only in the e2e build (TABULARIUM_E2E=1),
// so test and bench hooks are dropped from the store build by the minifier.
declare const __TABULARIUM_E2E__: boolean;
