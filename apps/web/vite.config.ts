import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  plugins: [react()],
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
