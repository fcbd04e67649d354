import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The page is served by the Api from Api/WebPage/dist (same origin: no CORS, the bearer token never leaves the page).
// `npm run dev` proxies /api to an Api started with `dotnet run --project Api` (its http launch profile).
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: '../Api/WebPage/dist', // relative to this folder; gitignored, served by Api/WebPage/WebPageApplicationBuilderExtensions.cs
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:5080' },
  },
});
