import { build, defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { buildManifest, type Target } from './scripts/manifest.ts';

// TABULARIUM_E2E builds the variant that automated browsers can drive: optional permissions
// become required, because nobody can click a permission prompt in a headless browser.
const target: Target = process.env.TABULARIUM_TARGET === 'firefox' ? 'firefox' : 'chrome';
const e2e = process.env.TABULARIUM_E2E === '1';

/**
 * The lazy-tab placeholder's script as one classic IIFE file (`/placeholder.js`): a restore opens
 * hundreds of placeholders at once, and a module graph would cost each of them several more
 * requests. Built after the main bundle, into the same folder.
 */
function placeholderScript(): Plugin {
  let outDir = '';
  return {
    name: 'tabularium:placeholder-script',
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir;
    },
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          sourcemap: false,
          copyPublicDir: false,
          lib: {
            entry: 'src/ui/placeholder/placeholder.ts',
            formats: ['iife'],
            name: 'tabulariumPlaceholder',
            fileName: () => 'placeholder.js',
          },
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
    // No preload helper: the pages' lazy parts are small, and the helper alone cost the popup ~0.9 KiB gzip.
    modulePreload: false,
    emptyOutDir: true,
    outDir: target === 'firefox' ? 'dist-firefox' : 'dist',
    rollupOptions: {
      input: {
        placeholder: 'src/ui/placeholder/index.html',
        inspector: 'src/ui/inspector/index.html',
        manager: 'src/ui/manager/index.html',
      },
    },
  },
  plugins: [crx({ manifest: buildManifest({ target, e2e }), browser: target }), placeholderScript()],
  server: { strictPort: true },
});
