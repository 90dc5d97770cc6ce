// The pages the hall server serves (hall-web/): one HTML entry per page, built into out/hall-web
// with assets under /web-assets/ (hall/console/http.ts serves both). The queue's kiosk and
// hall screen add their entries next to the console's.
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The pages share one document: each page's HTML file holds only its own lines (title, viewport,
 * module script), and this wraps them in the Chinese document with its charset, the empty icon and
 * the #root React renders into. Scripts go to the body, the rest to the head, in their order.
 */
function hallPage(): Plugin {
  return {
    name: 'hall-page',
    transformIndexHtml: {
      order: 'pre',
      handler(own) {
        const lines = own.split('\n').map((l) => l.trim()).filter((l) => l !== '');
        const indent = (ls: string[]) => ls.map((l) => `    ${l}\n`).join('');
        const scripts = lines.filter((l) => l.startsWith('<script'));
        const head = lines.filter((l) => !l.startsWith('<script'));
        return `<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="UTF-8" />\n${indent(head)}    <link rel="icon" href="data:," />\n  </head>\n  <body>\n    <div id="root"></div>\n${indent(scripts)}  </body>\n</html>\n`;
      },
    },
  };
}

export default defineConfig({
  root: 'hall-web',
  base: '/',
  plugins: [react(), hallPage()],
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
