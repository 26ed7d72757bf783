import type http from "node:http";
import { sendJson } from "@shopstream/kernel";

/** JSON answer; token responses must never be cached (RFC 6749 §5.1). */
export function sendOAuthJson(res: http.ServerResponse, status: number, body: unknown, noStore = true) {
  if (noStore) {
    res.setHeader("cache-control", "no-store");
    res.setHeader("pragma", "no-cache");
  }
  sendJson(res, status, body);
}
