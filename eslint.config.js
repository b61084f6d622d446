// Lint: TypeScript rules, the one-direction layer boundaries, and the security rules that keep
// page data out of HTML and code out of strings.
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

const layers = ['core', 'store', 'platform', 'background', 'shared', 'ui'];
// What each layer may import (besides itself). ui reaches the worker only through shared.
const allowed = {
  core: [],
  store: ['core'],
  platform: ['core'],
  shared: ['core', 'platform'],
  background: ['core', 'store', 'platform', 'shared'],
  ui: ['core', 'platform', 'shared'],
};
const zones = layers.map((target) => ({
  target: `./src/${target}`,
  from: layers.filter((l) => l !== target && !allowed[target].includes(l)).map((l) => `./src/${l}`),
  message: `src/${target} may import only from: ${allowed[target].join(', ') || 'nothing else in src'}.`,
}));

const BROWSER = 'Only src/platform/ talks to the browser.';
const IDB = 'Only src/store/ touches IndexedDB: use the store through store.ts.';
const browserGlobals = ['chrome', 'browser'].map((name) => ({ name, message: BROWSER }));
const idbGlobals = ['indexedDB', 'IDBKeyRange', 'IDBDatabase', 'IDBTransaction', 'IDBObjectStore'].map((name) => ({
  name,
  message: IDB,
}));
const browserImports = [{ name: 'webextension-polyfill', message: BROWSER }];
const idbImports = [
  { name: 'idb', message: IDB },
  { name: 'fake-indexeddb', message: 'Only tests use fake-indexeddb.' },
];
const storeInternals = [{ regex: String.raw`(^|/)store/(?!(store|errors)\.ts$)`, message: IDB }];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'bench/results/**', 'bench/tmp/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            ...zones,
            {
              // The pages' side of messaging would pull the polyfill's page code into the worker.
              target: './src/background',
              from: ['./src/shared/client.ts', './src/shared/cookie-log-port.ts'],
              message: "The worker uses the protocol types, not the pages' client.",
            },
          ],
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No HTML from strings: render text.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No HTML from strings: use textContent.',
        },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML from strings.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Lines a reader sees whole (Prettier wraps code at 120; comments and strings are ours to wrap).
      'max-len': ['error', { code: 120, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  {
    // A test's title says what a person would notice, in one sentence.
    files: ['test/**/*.ts'],
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true },
      ],
    },
  },
  // Only src/platform/ talks to the browser, and only src/store/ touches IndexedDB (its one face
  // to the rest is store.ts, with errors.ts): each folder gets the restrictions of the other's.
  ...[
    { files: ['src/**/*.{ts,tsx}'], ignores: ['src/platform/**', 'src/store/**'], browser: false, idb: false },
    { files: ['src/platform/**/*.{ts,tsx}'], ignores: [], browser: true, idb: false },
    { files: ['src/store/**/*.{ts,tsx}'], ignores: [], browser: false, idb: true },
  ].map(({ files, ignores, browser, idb }) => ({
    files,
    ignores,
    rules: {
      'no-restricted-globals': ['error', ...(browser ? [] : browserGlobals), ...(idb ? [] : idbGlobals)],
      'no-restricted-imports': [
        'error',
        {
          paths: [...(browser ? [] : browserImports), ...(idb ? [] : idbImports)],
          patterns: idb ? [] : storeInternals,
        },
      ],
    },
  })),
);
