import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/healthz': { target: api },
    },
  },
});
