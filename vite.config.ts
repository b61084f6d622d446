import { build, defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { buildManifest, type Target } from './scripts/manifest.ts';

// TABULARIUM_E2E builds the variant that automated browsers can drive: optional permissions
// become required, because nobody can click a permission prompt in a headless browser.
const target: Target = process.env.TABULARIUM_TARGET === 'firefox' ? 'firefox' : 'chrome';
const e2e = process.env.TABULARIUM_E2E === '1';

/**
 * A page script built on its own as one classic IIFE file in the output's root, after the main
 * bundle: a module graph would cost several more requests, and a classic script in a page's head
 * runs before the page's modules have even loaded.
 */
function classicScript(entry: string, fileName: string): Plugin {
  let outDir = '';
  return {
    name: `tabularium:classic-script:${fileName}`,
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir;
    },
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        define: { __TABULARIUM_E2E__: JSON.stringify(e2e) },
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          sourcemap: false,
          copyPublicDir: false,
          lib: { entry, formats: ['iife'], name: 'tabularium', fileName: () => fileName },
        },
      });
    },
  };
}

export default defineConfig({
  // Test and bench hooks exist in the e2e build only (see src/env.d.ts).
  define: { __TABULARIUM_E2E__: JSON.stringify(e2e) },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The bench reads this to weigh each page's bundle with everything it imports.
    manifest: true,
    // Each page's HTML names every file its entry imports, so they load at once rather than one
    // after the other as each is parsed. No preload helper for the lazy parts: they are small, and
    // the helper alone cost the popup ~0.9 KiB gzip.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    emptyOutDir: true,
    outDir: target === 'firefox' ? 'dist-firefox' : 'dist',
    rollupOptions: {
      input: {
        placeholder: 'src/ui/placeholder/index.html',
        inspector: 'src/ui/inspector/index.html',
        manager: 'src/ui/manager/index.html',
      },
      // Few files per page: the popup's 17 small chunks cost it ~35 ms to its first rows. Preact,
      // the pages' shared code, and the few modules the worker shares with the pages each make
      // one file. Each group takes the modules its own ones import, so 'common' lists the worker's
      // share by name: caught by 'page-base' instead, they would make the worker load Preact
      // (test/e2e/store-build.e2e.ts checks that it does not).
      output: {
        codeSplitting: {
          groups: [
            { name: 'preact', test: /node_modules[\\/]preact[\\/]/, priority: 3 },
            {
              name: 'common',
              test: /src[\\/](core[\\/]user-error|platform[\\/](permissions|flavour-detection|page-browser)|shared[\\/](cookie-keeping-access|worker-events))\.ts$/,
              priority: 2,
            },
            {
              name: 'page-base',
              test: /src[\\/](ui[\\/][^\\/]+\.tsx?$|ui[\\/]components[\\/]|shared[\\/]client|platform[\\/]messaging)/,
              minShareCount: 2,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  plugins: [
    crx({ manifest: buildManifest({ target, e2e }), browser: target }),
    // The lazy-tab placeholder's script: hundreds of placeholders load at once.
    classicScript('src/ui/placeholder/placeholder.ts', 'placeholder.js'),
    // The popup's and the manager's first question to the worker (src/ui/early-list/).
    classicScript('src/ui/early-list/early-list-script.ts', 'early-list.js'),
  ],
  server: { strictPort: true },
});
