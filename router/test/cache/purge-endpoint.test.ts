// Who may purge the cache: a user whose access token carries cache:purge, or the automation token;
// everyone else is refused before anything is deleted. Real HTTP; the authenticator and the cache
// are stand-ins (the JWT check itself is tested in auth/authenticator.test.ts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { anonymousIdentity, createLogger, type Identity } from "@shopstream/kernel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Authenticator } from "../../src/auth/authenticator.js";
import { handleCachePurge } from "../../src/cache/purge-endpoint.js";
import type { RouterCache } from "../../src/cache/router-cache.js";
import { RequestError } from "../../src/request/request-error.js";

const tokens: Record<string, Identity> = {
  "Bearer ops-jwt": { userId: "usr_ops", sessionId: "s1", scopes: ["cache:purge"] },
  "Bearer shopper-jwt": { userId: "usr_shopper", sessionId: "s2", scopes: ["profile"] },
};
const authenticator: Authenticator = {
  async authenticate(header) {
    if (header === "Bearer redis-down") throw new RequestError(503, "AUTH_UNAVAILABLE", "sessions unavailable");
    const identity = header ? tokens[header] : anonymousIdentity;
    if (!identity) throw new RequestError(401, "UNAUTHENTICATED", "bad token");
    return identity;
  },
};
const purged: Array<{ typename: string; keys: string[] }> = [];
const cache = {
  adminToken: "automation-token-0123456789",
  async purge(typename: string, keys: string[]) {
    purged.push({ typename, keys });
    return keys.length;
  },
} as unknown as RouterCache;
const logger = createLogger("purge-test", "silent");

function serve(access: Parameters<typeof handleCachePurge>[2]) {
  return http.createServer((req, res) => void handleCachePurge(req, res, access));
}
const servers: http.Server[] = [];
async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
let url: string;
beforeAll(async () => {
  url = await listen(serve({ cache, authenticator, logger }));
});
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

const purge = (base: string, authorization?: string, body: unknown = { typename: "Product", keys: ["p1"] }) =>
  fetch(`${base}/admin/cache/purge`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });

describe("POST /admin/cache/purge", () => {
  it("purges for a user with scope cache:purge and for the automation token", async () => {
    purged.length = 0;
    const byUser = await purge(url, "Bearer ops-jwt");
    expect(byUser.status).toBe(200);
    expect(await byUser.json()).toEqual({ purged: 1, typename: "Product", keys: ["p1"] });
    expect((await purge(url, "Bearer automation-token-0123456789")).status).toBe(200);
    expect(purged).toHaveLength(2);
  });

  it("refuses without the scope (403), without a valid token (401), and when sessions cannot be checked (503)", async () => {
    purged.length = 0;
    expect((await purge(url, "Bearer shopper-jwt")).status).toBe(403);
    expect((await purge(url, "Bearer forged")).status).toBe(401);
    expect((await purge(url)).status).toBe(401);
    expect((await purge(url, "Bearer redis-down")).status).toBe(503);
    expect(purged).toEqual([]);
  });

  it("answers 400 to a malformed body, and 404 when the router has no way to authenticate", async () => {
    expect((await purge(url, "Bearer ops-jwt", { typename: "Product", keys: [] })).status).toBe(400);
    const closed = await listen(serve({ cache: { ...cache, adminToken: undefined } as RouterCache, logger }));
    expect((await purge(closed, "Bearer ops-jwt")).status).toBe(404);
  });
});
