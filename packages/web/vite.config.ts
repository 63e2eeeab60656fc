import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is served by `vigia serve` (packages/cli) from dist/; in development `vite` proxies the
// API to a running `vigia serve` on port 8080.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
