// An error that ends a request before execution: an HTTP status plus a GraphQL error code, and
// the underlying GraphQL errors (with locations) when there are several.
import type { GraphQLError } from "graphql";

export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly GraphQLError[] = [],
  ) {
    super(message);
    this.name = "RequestError";
  }
}
