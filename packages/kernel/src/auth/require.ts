// Authorization checks for resolvers; they throw GraphQL errors with standard codes.
import { GraphQLError } from "graphql";
import type { Identity } from "./identity.js";

export function requireUser(identity: Identity): string {
  if (!identity.userId) {
    throw new GraphQLError("You must be signed in.", { extensions: { code: "UNAUTHENTICATED" } });
  }
  return identity.userId;
}

export function requireScope(identity: Identity, scope: string): void {
  requireUser(identity);
  if (!identity.scopes.includes(scope)) {
    throw new GraphQLError(`Missing scope ${scope}.`, { extensions: { code: "FORBIDDEN", scope } });
  }
}

export const hasScope = (identity: Identity, scope: string) => identity.scopes.includes(scope);
