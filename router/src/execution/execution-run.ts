// What one execution of a query plan carries from node to node.
import type { ServiceMap } from "@apollo/gateway";
import type { GraphQLError } from "graphql";
import type { RouterContext } from "../request/router-context.js";
import type { ResultObject } from "./merge-into.js";
import type { TypeConditions } from "./type-conditions.js";

export interface ExecutionRun {
  services: ServiceMap;
  /** Handed to the data sources as @apollo/gateway would (they read only `context`). */
  requestContext: unknown;
  context: RouterContext;
  /** The variables as the client sent them (forwarded to subgraphs). */
  requestVariables: Record<string, unknown>;
  /** With the operation's defaults filled in (for @skip/@include conditions). */
  variables: Record<string, unknown>;
  types: TypeConditions;
  errors: GraphQLError[];
  /** The result as fetched so far: subgraph answers merged, not yet shaped. */
  data: ResultObject;
}
