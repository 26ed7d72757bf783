// POST /admin/cache/purge  {"typename":"Product","keys":["p1","p2"]}
// Authorization: Bearer <access token with scope cache:purge>, or Bearer <ROUTER_CACHE_ADMIN_TOKEN>
// for automation without a user. Deletes those entities' entries in this worker's L1 and in Redis,
// and publishes cache.invalidation.requested so every other worker (and router) clears its L1 too.
// Off (404) when the router has neither an authenticator nor a token.
import { timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { type Logger, readBody, sendJson } from "@shopstream/kernel";
import { z } from "zod";
import type { Authenticator } from "../auth/authenticator.js";
import { RequestError } from "../request/request-error.js";
import type { RouterCache } from "./router-cache.js";

export const purgePath = "/admin/cache/purge";
export const purgeScope = "cache:purge";

const purgeBody = z.object({ typename: z.string().min(1), keys: z.array(z.string().min(1)).min(1).max(1_000) });

export interface PurgeAccess {
  cache?: RouterCache;
  authenticator?: Authenticator;
  logger: Logger;
}

export async function handleCachePurge(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  { cache, authenticator, logger }: PurgeAccess,
): Promise<void> {
  if (!cache || !(cache.adminToken || authenticator)) return sendJson(res, 404, { error: "not found" });
  if (req.method !== "POST") return sendJson(res, 405, { error: "use POST" });
  const caller = await purgeCaller(req.headers.authorization, cache.adminToken, authenticator);
  if (typeof caller === "number")
    return sendJson(res, caller, { error: caller === 403 ? `scope ${purgeScope} required` : "unauthorized" });
  const body = await readBody(req, 100_000);
  let parsed: z.infer<typeof purgeBody>;
  try {
    parsed = purgeBody.parse(JSON.parse(body ?? ""));
  } catch {
    return sendJson(res, 400, { error: 'expected {"typename": string, "keys": string[]}' });
  }
  const removed = await cache.purge(parsed.typename, parsed.keys);
  logger.info({ caller, typename: parsed.typename, keys: parsed.keys.length, removed }, "cache purged");
  sendJson(res, 200, { purged: removed, typename: parsed.typename, keys: parsed.keys });
}

/** Who may purge: "admin-token" or the user id; else the HTTP status to answer with. */
async function purgeCaller(
  header: string | undefined,
  adminToken: string | undefined,
  authenticator: Authenticator | undefined,
): Promise<string | number> {
  if (adminToken && tokenMatches(header, adminToken)) return "admin-token";
  if (!authenticator || !header?.startsWith("Bearer ")) return 401;
  try {
    const identity = await authenticator.authenticate(header);
    if (!identity.userId) return 401;
    return identity.scopes.includes(purgeScope) ? identity.userId : 403;
  } catch (error) {
    return error instanceof RequestError ? error.status : 401; // 503 when sessions cannot be checked
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
