import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API runs on its own port during development (cd server && npm run dev); in production the
// server serves web/dist itself, so /api is always same-origin for the browser.
const apiTarget = process.env.REDSHIELD_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
