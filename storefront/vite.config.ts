// The app builds to dist/public, which server/server.ts serves. `npm run dev -w storefront`
// proxies the API paths to a running `npm start` (router :4000, storefront server :3000).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.STOREFRONT_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist/public", emptyOutDir: true },
  server: { port: 5173, proxy: { "/graphql": api, "/oauth": api, "/auth": api } },
});
