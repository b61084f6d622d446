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

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'bench/results/**', 'bench/tmp/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    rules: {
      'import/no-restricted-paths': ['error', { zones }],
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
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: 'Only src/platform/ talks to the browser.' }] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'Only src/platform/ talks to the browser.' },
        { name: 'browser', message: 'Only src/platform/ talks to the browser.' },
      ],
    },
  },
);
