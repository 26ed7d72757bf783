// The router appends the address it received the request from to `x-forwarded-for`; the last
// entry is therefore the one our own proxy vouches for (earlier entries are client-supplied).
import type http from "node:http";

export function clientIpFrom(headers: http.IncomingHttpHeaders, fallback: string | null = null): string | null {
  const raw = headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return last && last.length <= 64 ? last : fallback;
}
