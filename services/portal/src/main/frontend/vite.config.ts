import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build goes straight into the jar's static resources; `npm run dev` proxies the API to a running portal.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../../../target/classes/static',
    emptyOutDir: true,
    // no inline modulepreload polyfill: the content security policy allows scripts from 'self' only
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8085',
      '/oauth2': 'http://127.0.0.1:8085',
      '/login': 'http://127.0.0.1:8085',
      '/logout': 'http://127.0.0.1:8085',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
