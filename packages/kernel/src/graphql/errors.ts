// Expected failures of mutations are data (typed userErrors), not exceptions; bad arguments to
// queries are GraphQL errors with a BAD_USER_INPUT code.
import { GraphQLError } from "graphql";

export interface UserError {
  code: string;
  message: string;
  field: string[] | null;
}

export const userError = (code: string, message: string, field?: string[]): UserError => ({
  code,
  message,
  field: field ?? null,
});

export function badUserInput(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...details } });
}
