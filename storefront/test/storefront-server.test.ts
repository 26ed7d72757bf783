// The storefront server on its own: the app's files (compressed, cached by kind, client-side
// routes answered with index.html) and the token handler, against a stand-in identity token
// endpoint (the real one is exercised by tests/storefront in a browser).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parseEnv } from "@shopstream/kernel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressAssets } from "../scripts/compress-assets.js";
import { type StorefrontEnv, storefrontEnvShape } from "../server/env.js";
import { type StorefrontServer, startStorefrontServer } from "../server/storefront-server.js";

let server: StorefrontServer;
let identity: http.Server;
const tokenForms: URLSearchParams[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "storefront-static-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), `<!doctype html><title>app</title>${" ".repeat(2000)}`);
  writeFileSync(path.join(dir, "assets/app-1a2b.js"), `console.log(${JSON.stringify("x".repeat(5000))});`);
  compressAssets(dir); // what the build does after vite build
  identity = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      tokenForms.push(form);
      const ok = form.get("code") === "good-code" || form.get("refresh_token") === "refresh-1";
      res.writeHead(ok ? 200 : 400, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          ok ? { access_token: "access-1", refresh_token: "refresh-2", expires_in: 900 } : { error: "invalid_grant" },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => identity.listen(0, "127.0.0.1", resolve));
  const env: StorefrontEnv = parseEnv(storefrontEnvShape, {
    PORT: "0",
    STATIC_DIR: dir,
    IDENTITY_URL: `http://127.0.0.1:${(identity.address() as AddressInfo).port}`,
    NODE_ENV: "production",
  });
  server = await startStorefrontServer(env);
});
afterAll(async () => {
  await server?.close();
  identity?.close();
});

const postAuth = (route: string, body: unknown, headers: Record<string, string> = { "x-storefront": "1" }) =>
  fetch(`${server.url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("the storefront server", () => {
  it("serves hashed assets for a year and index.html for client-side routes, never cached, compressed", async () => {
    const asset = await fetch(`${server.url}/assets/app-1a2b.js`, { headers: { "accept-encoding": "br" } });
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-encoding")).toBe("br");
    expect(await asset.text()).toContain("console.log");
    const route = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${server.url}/products/linen-shirt`, { headers: { "accept-encoding": "gzip" } }, resolve),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of route) chunks.push(chunk as Buffer);
    expect(route.headers["cache-control"]).toBe("no-cache");
    expect(route.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(Buffer.concat(chunks)).toString()).toContain("<title>app</title>");
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });

  it("trades a code for an access token and keeps the refresh token in an HttpOnly, Secure, SameSite=Strict cookie", async () => {
    const answer = await postAuth("/auth/token", {
      code: "good-code",
      codeVerifier: "v",
      clientId: "storefront-web",
      redirectUri: "http://x/callback",
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ accessToken: "access-1", expiresIn: 900 });
    expect(answer.headers.get("set-cookie")).toBe(
      "ss_refresh=refresh-2; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=2592000; Secure",
    );
    expect(tokenForms.at(-1)?.get("grant_type")).toBe("authorization_code");

    const refreshed = await postAuth("/auth/refresh", {}, { "x-storefront": "1", cookie: "ss_refresh=refresh-1" });
    expect(refreshed.status).toBe(200);
    expect(tokenForms.at(-1)?.get("refresh_token")).toBe("refresh-1");
  });

  it("refuses calls without its header (cross-site forms), a bad code, and a refresh without a cookie", async () => {
    expect((await postAuth("/auth/refresh", {}, {})).status).toBe(403);
    const bad = await postAuth("/auth/token", { code: "wrong" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("set-cookie")).toMatch(/^ss_refresh=; .*Max-Age=0/);
    expect((await postAuth("/auth/refresh", {})).status).toBe(401);
    expect((await postAuth("/auth/token", "not json")).status).toBe(401);
  });
});
