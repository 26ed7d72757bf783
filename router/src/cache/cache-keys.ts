// Key formats (Redis and L1 use the same strings):
//   rc:e:<subgraph>:<Type>:<entity id>:<selection hash>:<audience>   one entity of an _entities fetch
//   rc:r:<subgraph>:<selection hash>:<audience>                        a root-field fetch answer
//   rc:idx:<Type>:<id>[#field]                                         SET of the keys holding that entity
// The selection hash covers the fetch text and its variables (minus representations), so two
// plans asking different fields of one Product never share an entry. The audience is the sorted
// scope set (subgraphs answer differently per scope, e.g. drafts for catalog:write), plus the
// user id for PRIVATE entries.
import { createHash } from "node:crypto";
import type { Identity } from "@shopstream/kernel";
import type { CacheScope } from "./policy.js";

export const keyPrefix = "rc:";
export const indexKey = (ref: string) => `${keyPrefix}idx:${ref}`;

const hash = (text: string) => createHash("sha1").update(text).digest("base64url").slice(0, 16);

export function selectionHash(query: string, variables: Record<string, unknown> | undefined): string {
  const { representations: _ignored, ...rest } = variables ?? {};
  return hash(`${withoutOperationName(query)}\u0000${JSON.stringify(rest)}`);
}

/** The planner names fetches after the client operation ("ProductPage__inventory__1"); the same
 * selection from two client operations must share entries, so the name is left out of the hash. */
export const withoutOperationName = (query: string) => query.replace(/^\s*query\s+[_A-Za-z][_0-9A-Za-z]*/, "query");

/** Who may see an entry; null when the entry must not be cached for this caller. */
export function audienceKey(scope: CacheScope, identity: Identity): string | null {
  const scopes = identity.scopes.length === 0 ? "-" : hash([...identity.scopes].sort().join(" "));
  if (scope === "PUBLIC") return `p.${scopes}`;
  return identity.userId ? `u.${hash(identity.userId)}.${scopes}` : null;
}

/** An entity's id inside keys and refs: the `id` field, else the stable JSON of its key fields. */
export function entityId(representation: Record<string, unknown>): string {
  const { __typename: _type, ...fields } = representation;
  const names = Object.keys(fields);
  if (names.length === 1 && names[0] === "id") return String(fields.id);
  return JSON.stringify(names.sort().map((name) => [name, fields[name]]));
}

export const entityKey = (subgraph: string, type: string, id: string, selection: string, audience: string) =>
  `${keyPrefix}e:${subgraph}:${type}:${id}:${selection}:${audience}`;

export const rootKey = (subgraph: string, selection: string, audience: string) =>
  `${keyPrefix}r:${subgraph}:${selection}:${audience}`;
