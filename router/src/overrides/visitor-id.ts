// The anonymous visitor id that keeps an anonymous caller on one side of every rollout: the
// `x-visitor-id` header (apps) or the `ss_vid` cookie (browsers). A caller without one gets a new
// id, returned in a cookie so the next request lands in the same bucket.
import { randomUUID } from "node:crypto";
import type http from "node:http";

export const VISITOR_COOKIE = "ss_vid";
export const VISITOR_HEADER = "x-visitor-id";
const validId = /^[A-Za-z0-9_-]{8,128}$/;
const oneYearSeconds = 365 * 24 * 60 * 60;

export function visitorIdFrom(headers: http.IncomingHttpHeaders): string | undefined {
  const header = headers[VISITOR_HEADER];
  if (typeof header === "string" && validId.test(header)) return header;
  for (const part of (headers.cookie ?? "").split(";")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === VISITOR_COOKIE && value && validId.test(value)) return value;
  }
  return undefined;
}

/** The caller's visitor id; mints one (and sets the cookie on `res`) when there is none. */
export function ensureVisitorId(req: http.IncomingMessage, res: http.ServerResponse): string {
  const existing = visitorIdFrom(req.headers);
  if (existing) return existing;
  const minted = randomUUID();
  res.setHeader("set-cookie", `${VISITOR_COOKIE}=${minted}; Path=/; Max-Age=${oneYearSeconds}; HttpOnly; SameSite=Lax`);
  return minted;
}
