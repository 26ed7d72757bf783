// Opaque keyset cursors: base64url JSON of the sort, the last row's sort key and a fingerprint of
// the search and filters. A cursor from another query, a tampered one or garbage is rejected
// (paging with it would silently skip or repeat rows).
import { createHash } from "node:crypto";
import { badUserInput } from "@shopstream/kernel";
import { z } from "zod";
import type { SearchSort, SortKey } from "../repositories/product-search-repository.js";
import type { SearchCriteria } from "../repositories/product-search-sql.js";

const cursorSchema = z.strictObject({
  s: z.enum(["RELEVANCE", "PRICE_ASC", "PRICE_DESC", "NEWEST"]),
  f: z.string(),
  v: z.union([z.number().int(), z.string().max(40)]),
  i: z.string().min(1),
});

const valueFits: Record<SearchSort, (value: number | string) => boolean> = {
  RELEVANCE: (value) => typeof value === "string" && /^\d{1,6}(\.\d{1,6})?$/.test(value),
  PRICE_ASC: (value) => typeof value === "number",
  PRICE_DESC: (value) => typeof value === "number",
  NEWEST: (value) => typeof value === "string" && z.iso.datetime({ offset: true }).safeParse(value).success,
};

export const criteriaFingerprint = (criteria: SearchCriteria) =>
  createHash("sha256").update(JSON.stringify(criteria)).digest("base64url").slice(0, 12);

export function encodeCursor(sort: SearchSort, fingerprint: string, key: SortKey): string {
  return Buffer.from(JSON.stringify({ s: sort, f: fingerprint, v: key.value, i: key.id })).toString("base64url");
}

export function decodeCursor(cursor: string, sort: SearchSort, fingerprint: string): SortKey {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badUserInput("Unknown cursor.", { argument: "after" });
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) throw badUserInput("Unknown cursor.", { argument: "after" });
  if (parsed.data.s !== sort || parsed.data.f !== fingerprint)
    throw badUserInput("The cursor belongs to a different search, filter or sort.", { argument: "after" });
  if (!valueFits[sort](parsed.data.v)) throw badUserInput("Unknown cursor.", { argument: "after" });
  return { value: parsed.data.v, id: parsed.data.i };
}
