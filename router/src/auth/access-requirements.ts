// Reads @authenticated / @requiresScopes applications from the composed supergraph schema (they
// are kept there, on fields and on types, with `for: SECURITY` links) into a lookup the
// authorization walk uses. Built once per schema version (keyed by the schema object).
import type { ConstArgumentNode, ConstDirectiveNode, GraphQLSchema, ValueNode } from "graphql";
import type { ScopeRequirement } from "./scopes.js";

export interface AccessRequirement {
  authenticated: boolean;
  scopes: ScopeRequirement[];
}

export interface AccessRequirements {
  /** The field's own requirement merged with its return type's; undefined when public. */
  field(typeName: string, fieldName: string): AccessRequirement | undefined;
  /** A type's own requirement (for fragments on it); undefined when public. */
  type(typeName: string): AccessRequirement | undefined;
  /** True when the schema has no requirement at all (fast path). */
  readonly empty: boolean;
}

const cache = new WeakMap<GraphQLSchema, AccessRequirements>();

export function accessRequirements(supergraphSchema: GraphQLSchema): AccessRequirements {
  let requirements = cache.get(supergraphSchema);
  if (!requirements) {
    requirements = buildRequirements(supergraphSchema);
    cache.set(supergraphSchema, requirements);
  }
  return requirements;
}

/** The local names of the two directives (an @link may import them under another name with `as`). */
function directiveNames(schema: GraphQLSchema): { authenticated: string; requiresScopes: string } {
  const names = { authenticated: "authenticated", requiresScopes: "requiresScopes" };
  for (const node of [schema.astNode, ...schema.extensionASTNodes]) {
    for (const link of node?.directives ?? []) {
      if (link.name.value !== "link") continue;
      const url = stringArg(link.arguments, "url");
      const as = stringArg(link.arguments, "as");
      if (!url || !as) continue;
      if (url.includes("/authenticated/")) names.authenticated = as.replace(/^@/, "");
      if (url.includes("/requiresScopes/")) names.requiresScopes = as.replace(/^@/, "");
    }
  }
  return names;
}

function stringArg(args: readonly ConstArgumentNode[] | undefined, name: string): string | undefined {
  const value = args?.find((arg) => arg.name.value === name)?.value;
  return value?.kind === "StringValue" ? value.value : undefined;
}

function scopesOf(value: ValueNode | undefined): ScopeRequirement {
  if (value?.kind !== "ListValue") return [];
  return value.values.map((inner) =>
    inner.kind === "ListValue" ? inner.values.flatMap((s) => (s.kind === "StringValue" ? [s.value] : [])) : [],
  );
}

function requirementFrom(
  directives: readonly ConstDirectiveNode[] | undefined,
  names: ReturnType<typeof directiveNames>,
): AccessRequirement | undefined {
  let authenticated = false;
  const scopes: ScopeRequirement[] = [];
  for (const directive of directives ?? []) {
    if (directive.name.value === names.authenticated) authenticated = true;
    if (directive.name.value === names.requiresScopes)
      scopes.push(scopesOf(directive.arguments?.find((arg) => arg.name.value === "scopes")?.value));
  }
  return authenticated || scopes.length > 0 ? { authenticated, scopes } : undefined;
}

const merge = (a: AccessRequirement | undefined, b: AccessRequirement | undefined): AccessRequirement | undefined =>
  a && b ? { authenticated: a.authenticated || b.authenticated, scopes: [...a.scopes, ...b.scopes] } : (a ?? b);

/** Strips list/non-null wrappers without importing graphql values (one graphql instance rule). */
function namedTypeName(type: { ofType?: unknown; name?: string }): string {
  let current = type;
  while (current.ofType) current = current.ofType as typeof current;
  return current.name!;
}

function buildRequirements(schema: GraphQLSchema): AccessRequirements {
  const names = directiveNames(schema);
  const types = new Map<string, AccessRequirement>();
  const typeMap = schema.getTypeMap();
  for (const [name, type] of Object.entries(typeMap)) {
    const nodes = [type.astNode, ...((type as { extensionASTNodes?: readonly unknown[] }).extensionASTNodes ?? [])];
    const directives = nodes.flatMap(
      (node) => (node as { directives?: readonly ConstDirectiveNode[] } | null | undefined)?.directives ?? [],
    );
    const requirement = requirementFrom(directives, names);
    if (requirement) types.set(name, requirement);
  }
  const fields = new Map<string, AccessRequirement>();
  for (const [typeName, type] of Object.entries(typeMap)) {
    if (typeName.startsWith("__") || !("getFields" in type) || !("getInterfaces" in type)) continue;
    for (const field of Object.values(type.getFields())) {
      const own = requirementFrom(field.astNode?.directives, names);
      const merged = merge(own, types.get(namedTypeName(field.type as never)));
      if (merged) fields.set(`${typeName}.${field.name}`, merged);
    }
  }
  return {
    field: (typeName, fieldName) => fields.get(`${typeName}.${fieldName}`),
    type: (typeName) => types.get(typeName),
    empty: fields.size === 0 && types.size === 0,
  };
}
