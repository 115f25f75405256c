import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  plugins: [
    react(),
    // Installable for village boards: the app shell and its code are precached, the API pages a board
    // head reads are kept from the last visit (network first), so they open without a connection.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Đoàn Kết — Mặt trận Tổ quốc',
        short_name: 'Đoàn Kết',
        lang: 'vi',
        start_url: '/',
        display: 'standalone',
        theme_color: '#b91c1c',
        background_color: '#f5f5f3',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any maskable' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // The reads of the pages a village board head uses offline (support acts, reviews, mediation, Solidarity Day).
        runtimeCaching: [
          {
            urlPattern: ({ url, request }) =>
              request.method === 'GET' && /^\/api\/(me$|households|units|fund\/funds|mediation\/(cases|teams)|movements\/solidarity)/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'api-reads', networkTimeoutSeconds: 4, expiration: { maxEntries: 300, maxAgeSeconds: 14 * 86400 } },
          },
        ],
      },
    }),
  ],
  resolve: {
    alias: {
      '@contract': path.resolve(here, '../../packages/contract/src'),
    },
  },
  build: {
    outDir: path.resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    // One small app: a single JS chunk loads faster on a slow phone link than a waterfall.
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
