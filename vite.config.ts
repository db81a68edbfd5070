import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dev server also serves the page sources of src/web/api/*.ts under /api/: those module requests stay with Vite,
 * every other /api request goes to the server.
 */
const API_PROXY = {
  target: process.env.GONGKAI_API ?? 'http://localhost:3000',
  changeOrigin: false,
  bypass: (req: { url?: string }) => (/^\/api\/[\w.-]+\.tsx?(\?|$)/.test(req.url ?? '') ? req.url : undefined),
};

/**
 * The web pages (src/web) are built into dist/web, which the Fastify server serves with an SPA fallback
 * (src/server/app.ts). `npm run dev:web` serves them with hot reload and proxies /api to a server on :3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd alone is ~1 MB before gzip; pages are lazy-loaded, the shell carries antd.
    chunkSizeWarningLimit: 1600,
  },
  // `npm run dev:web` (and `vite preview`) forward /api to the Gongkai server; GONGKAI_API overrides its address.
  server: { proxy: { '/api': API_PROXY } },
  preview: { proxy: { '/api': API_PROXY } },
});
