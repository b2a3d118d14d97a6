// The renderer: built into dist/renderer with relative URLs, so the same files load from
// Electron's app://recibo/ and from the browser host's http://127.0.0.1:<port>/.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // One module script and one stylesheet: nothing inline, so the CSP needs no exception.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  logLevel: 'warn',
});
