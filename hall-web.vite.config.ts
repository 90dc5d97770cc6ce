// The pages the hall server serves (hall-web/): one HTML entry per page, built into out/hall-web
// with assets under /web-assets/ (hall/console/http.ts serves both). The queue's kiosk and
// hall screen add their entries next to the console's.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'hall-web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve('out/hall-web'),
    emptyOutDir: true,
    assetsDir: 'web-assets',
    minify: true,
    rollupOptions: {
      input: {
        console: resolve('hall-web/console.html'),
        // the hall screen (screen14)
        'hall-screen': resolve('hall-web/hall-screen.html'),
        // kiosk14: the kiosk (取号机)
        kiosk: resolve('hall-web/kiosk.html'),
      },
    },
  },
});
