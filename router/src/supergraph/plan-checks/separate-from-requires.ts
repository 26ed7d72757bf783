// Corrects the one planner mistake that is the client's selection against a @requires: a field the
// client selects with other arguments than a sibling's @requires needs, under the same response
// name. Giving the client's field a reserved alias makes the planner fetch both; shaping answers
// it under its own name again (execution/response-program.ts). Two @requires that conflict have
// nothing of the client's to separate: those stay refused.
import type { DocumentNode, FieldNode, GraphQLSchema } from "graphql";
import { getOperationAST, Kind, visit } from "../../graphql-runtime.js";
import { fragmentsByName } from "../../protection/document-limits.js";
import type { FederationFacts } from "./federation-facts.js";
import { requiresArgumentConflict } from "./requires-argument-conflict.js";

/** Response names the router gives a client's field; never sent back to the client. */
export const separatedAliasPrefix = "_shopstream_own_";

/** The field name behind a response name the router gave, else the response name itself. */
export const clientResponseName = (responseName: string) =>
  responseName.startsWith(separatedAliasPrefix) ? responseName.slice(separatedAliasPrefix.length) : responseName;

export type Separation = { document: DocumentNode } | { refusal: string };

/** The document to plan (the same one when nothing conflicts), or why it cannot be answered. */
export function separateFromRequires(
  document: DocumentNode,
  operationName: string | undefined,
  schema: GraphQLSchema,
  facts: FederationFacts,
): Separation {
  let current = document;
  // Each round separates one field; an operation has few, the bound only guards against a loop.
  for (let round = 0; round < 16; round++) {
    const operation = getOperationAST(current, operationName);
    if (!operation) return { document: current };
    const fragments = Object.fromEntries(fragmentsByName(current));
    const conflict = requiresArgumentConflict(schema, operation, fragments, facts);
    if (!conflict) return { document: current };
    if (conflict.aliasable.length === 0) return { refusal: conflict.reason };
    current = withSeparatedAliases(current, new Set(conflict.aliasable));
  }
  return { refusal: "too many selections conflict with @requires arguments" };
}

function withSeparatedAliases(document: DocumentNode, fields: ReadonlySet<FieldNode>): DocumentNode {
  return visit(document, {
    Field: (node) =>
      fields.has(node)
        ? { ...node, alias: { kind: Kind.NAME, value: `${separatedAliasPrefix}${node.name.value}` } }
        : undefined,
  });
}
