// Cache policy: how long (maxAge, seconds) and for whom (scope) a subgraph answer may be cached,
// per entity type and per field coordinate. The subgraphs declare it with @cacheControl in their
// SDLs; policy-from-schema.ts reads it from the composed supergraph.
//
// Rules (see resolveFetchPolicy):
// - an `_entities` fetch is cacheable when every entity type it asks for has a type policy;
//   a root-field query fetch when every root field has a `Query.<field>` policy. Mutations never.
// - maxAge is the minimum over those anchors and every field coordinate the fetch selects that has
//   its own policy (e.g. `Variant.availability` 10 s pulls a Variant entry down to 10 s).
// - scope is PRIVATE when any anchor, selected field or selected type is PRIVATE: the key then
//   carries the user id, and a PRIVATE fetch for an anonymous caller is not cached at all.
// - maxAge 0 anywhere makes the fetch uncacheable (e.g. exact stock counts).
export type CacheScope = "PUBLIC" | "PRIVATE";

export interface CacheHint {
  maxAge: number;
  scope?: CacheScope;
}

export interface CachePolicy {
  /** Entity / object type name → hint. */
  types: Record<string, CacheHint>;
  /** "Type.field" → hint; "Query.x" entries make root field x cacheable. */
  fields: Record<string, CacheHint>;
}

export interface FetchPolicy {
  maxAge: number;
  scope: CacheScope;
  /** Coordinates with their own field policy that this fetch selects: indexed per entity (see cache-keys). */
  hintedFields: string[];
}

export interface FetchSelection {
  /** Entity types of an `_entities` fetch, or root field coordinates ("Query.product") of a root fetch. */
  anchors: { types: string[]; rootFields: string[] };
  /** Every "Type.field" the fetch selects. */
  coordinates: ReadonlySet<string>;
}

export function resolveFetchPolicy(policy: CachePolicy, selection: FetchSelection): FetchPolicy | null {
  const anchors: CacheHint[] = [];
  for (const type of selection.anchors.types) {
    const hint = policy.types[type];
    if (!hint) return null;
    anchors.push(hint);
  }
  for (const field of selection.anchors.rootFields) {
    const hint = policy.fields[field];
    if (!hint) return null;
    anchors.push(hint);
  }
  if (anchors.length === 0) return null;
  let maxAge = Math.min(...anchors.map((hint) => hint.maxAge));
  let scope: CacheScope = anchors.some((hint) => hint.scope === "PRIVATE") ? "PRIVATE" : "PUBLIC";
  const hintedFields: string[] = [];
  for (const coordinate of selection.coordinates) {
    const typeHint = policy.types[coordinate.slice(0, coordinate.indexOf("."))];
    if (typeHint?.scope === "PRIVATE") scope = "PRIVATE";
    const hint = policy.fields[coordinate];
    if (!hint) continue;
    maxAge = Math.min(maxAge, hint.maxAge);
    if (hint.scope === "PRIVATE") scope = "PRIVATE";
    if (!coordinate.startsWith("Query.")) hintedFields.push(coordinate);
  }
  return maxAge > 0 ? { maxAge, scope, hintedFields } : null;
}
