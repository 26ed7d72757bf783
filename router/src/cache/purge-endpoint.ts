// POST /admin/cache/purge  {"typename":"Product","keys":["p1","p2"]}
// Authorization: Bearer <ROUTER_CACHE_ADMIN_TOKEN>. Deletes those entities' entries in this
// worker's L1 and in Redis, and publishes cache.invalidation.requested so every other worker
// (and router) clears its L1 too. Off (404) when no token is configured.
import { timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { readBody, sendJson } from "@shopstream/kernel";
import { z } from "zod";
import type { RouterCache } from "./router-cache.js";

export const purgePath = "/admin/cache/purge";

const purgeBody = z.object({ typename: z.string().min(1), keys: z.array(z.string().min(1)).min(1).max(1_000) });

export async function handleCachePurge(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  cache: RouterCache | undefined,
): Promise<void> {
  if (!cache?.adminToken) return sendJson(res, 404, { error: "not found" });
  if (req.method !== "POST") return sendJson(res, 405, { error: "use POST" });
  if (!tokenMatches(req.headers.authorization, cache.adminToken)) return sendJson(res, 401, { error: "unauthorized" });
  const body = await readBody(req, 100_000);
  let parsed: z.infer<typeof purgeBody>;
  try {
    parsed = purgeBody.parse(JSON.parse(body ?? ""));
  } catch {
    return sendJson(res, 400, { error: 'expected {"typename": string, "keys": string[]}' });
  }
  const removed = await cache.purge(parsed.typename, parsed.keys);
  sendJson(res, 200, { purged: removed, typename: parsed.typename, keys: parsed.keys });
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
