// The cache policy as the subgraphs declare it: `@cacheControl(maxAge:, scope:)` on object types
// and fields. Each subgraph links https://shopstream.dev/cache/v0.1 and @composeDirective's it, so
// the hints survive composition into the supergraph; the owning team states how fresh its data
// must be and the router reads it here, once per schema version.
import type { ConstDirectiveNode, GraphQLSchema } from "graphql";
import { isObjectType, Kind } from "../graphql-runtime.js";
import type { CacheHint, CachePolicy } from "./policy.js";

export const cacheControlDirective = "cacheControl";

export function cachePolicyFromSchema(schema: GraphQLSchema): CachePolicy {
  const policy: CachePolicy = { types: {}, fields: {} };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    // A type without maxAge is not cacheable as an entity (Apollo's default maxAge is 0).
    const typeHint = hintOf([type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []));
    if (typeHint) policy.types[type.name] = { maxAge: typeHint.maxAge ?? 0, scope: typeHint.scope };
    for (const field of Object.values(type.getFields())) {
      // A field hint without maxAge only sets the scope: it does not shorten the type's maxAge.
      const hint = hintOf(field.astNode?.directives ?? []);
      if (hint) policy.fields[`${type.name}.${field.name}`] = { maxAge: hint.maxAge ?? Infinity, scope: hint.scope };
    }
  }
  return policy;
}

function hintOf(directives: readonly ConstDirectiveNode[]): Partial<CacheHint> | undefined {
  const directive = directives.find((d) => d.name.value === cacheControlDirective);
  if (!directive) return undefined;
  const hint: Partial<CacheHint> = {};
  for (const argument of directive.arguments ?? []) {
    if (argument.name.value === "maxAge" && argument.value.kind === Kind.INT)
      hint.maxAge = Number(argument.value.value);
    if (argument.name.value === "scope" && argument.value.kind === Kind.ENUM)
      hint.scope = argument.value.value === "PRIVATE" ? "PRIVATE" : "PUBLIC";
  }
  return hint;
}
