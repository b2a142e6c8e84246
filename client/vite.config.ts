import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { nhsukCssForStrictCsp } from './build/nhsuk-css-for-strict-csp.ts';
import { precompress } from './build/precompress.ts';

/** Where `npm run dev -w @setboard/server` listens. */
const DEV_SERVER_URL = 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), nhsukCssForStrictCsp(), precompress()],
  server: {
    proxy: {
      '/socket.io': { target: DEV_SERVER_URL, ws: true },
      '/yjs': { target: DEV_SERVER_URL, ws: true },
      '/api': DEV_SERVER_URL,
      '/healthz': DEV_SERVER_URL,
      '/readyz': DEV_SERVER_URL,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inlined assets become data: URLs, which the server's CSP (img-src/font-src 'self') refuses.
    assetsInlineLimit: 0,
    // scripts/bundle-budget.mjs reads which chunks each page loads first from the manifest.
    manifest: true,
    rollupOptions: {
      output: {
        // zod and the module that makes it CSP-safe travel together, so zod is configured before
        // any chunk that needs it creates a schema, however the board pages are split off.
        manualChunks: (id) =>
          id.includes('/node_modules/zod/') || id.endsWith('/app/csp-safe-zod.ts')
            ? 'zod'
            : undefined,
      },
    },
  },
});
