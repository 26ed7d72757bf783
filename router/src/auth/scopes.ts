// @requiresScopes semantics (Apollo federation): `scopes: [[a, b], [c]]` means (a AND b) OR c.
// A field and its return type can both carry requirements; every one of them must hold.

/** One @requiresScopes application: a list of alternatives, each a list of scopes needed together. */
export type ScopeRequirement = ReadonlyArray<ReadonlyArray<string>>;

export function satisfiesScopes(requirement: ScopeRequirement, granted: Iterable<string>): boolean {
  const have = granted instanceof Set ? (granted as Set<string>) : new Set(granted);
  return requirement.some((alternative) => alternative.every((scope) => have.has(scope)));
}

export function satisfiesAll(requirements: readonly ScopeRequirement[], granted: Iterable<string>): boolean {
  const have = new Set(granted);
  return requirements.every((requirement) => satisfiesScopes(requirement, have));
}
