import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // The API client is TypeScript source in the workspace: bundle it (and its fetch wrapper) into the
  // server build so `node build` needs nothing from the workspace at run time.
  ssr: { noExternal: ['@accord/api-client', 'openapi-fetch'] },
  server: { port: 3000, strictPort: true },
});
