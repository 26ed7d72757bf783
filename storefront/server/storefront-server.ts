// The storefront's HTTP server: the built app, /graphql → router, /oauth/authorize → identity's
// sign-in page, /auth/* token handling, /health and /ready. Tests start it exactly like server.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { httpShutdown, sendJson } from "@shopstream/kernel";
import { createAuthRoutes } from "./auth-routes.js";
import type { StorefrontEnv } from "./env.js";
import { forward } from "./proxy.js";
import { staticFiles } from "./static-files.js";

export interface StorefrontServer {
  url: string;
  close(): Promise<void>;
}

export async function startStorefrontServer(env: StorefrontEnv): Promise<StorefrontServer> {
  const secureCookie = env.COOKIE_SECURE ?? env.NODE_ENV === "production";
  const auth = createAuthRoutes({ identityUrl: env.IDENTITY_URL, secureCookie });
  const serveStatic = staticFiles(env.STATIC_DIR);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://storefront.invalid");
    const route = async () => {
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/ready")
        return sendJson(res, shutdown.draining ? 503 : 200, { ready: !shutdown.draining, draining: shutdown.draining });
      if (url.pathname === "/graphql") return forward(req, res, new URL(`/graphql${url.search}`, env.ROUTER_URL));
      if (url.pathname === "/oauth/authorize")
        return forward(req, res, new URL(`/oauth/authorize${url.search}`, env.IDENTITY_URL));
      if (url.pathname.startsWith("/auth/")) return auth(req, res, url.pathname);
      if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "method not allowed" });
      return serveStatic(req, res, url.pathname);
    };
    route().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  const shutdown = httpShutdown(server);
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${env.HOST}:${port}`,
    async close() {
      shutdown.beginDraining();
      if (env.SHUTDOWN_DRAIN_MS > 0) await new Promise((resolve) => setTimeout(resolve, env.SHUTDOWN_DRAIN_MS));
      await shutdown.close();
    },
  };
}
