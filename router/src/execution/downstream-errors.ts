// A subgraph's error as the client sees it: the path rewritten from the subgraph's operation into
// the client's response, the subgraph named, and the federation error code kept (or
// DOWNSTREAM_SERVICE_ERROR when the subgraph gave none), as @apollo/gateway reports them.
import { ERRORS, errorCodeDef } from "@apollo/federation-internals";
import type { ResponsePath } from "@apollo/query-planner";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "../graphql-runtime.js";
import { clientResponseName } from "../supergraph/plan-checks/separate-from-requires.js";

type GraphQLErrorInstance = InstanceType<typeof GraphQLError>;

export type ErrorPathMapper = (path: readonly (string | number)[] | undefined) => ResponsePath | undefined;

export function downstreamError(
  error: GraphQLFormattedError,
  serviceName: string,
  mapPath: ErrorPathMapper,
): GraphQLErrorInstance {
  const message = error.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    originalError: error as unknown as Error,
    // A field the router renamed (plan-checks/separate-from-requires.ts) keeps the client's name.
    path: mapPath(error.path)?.map((segment) => (typeof segment === "string" ? clientResponseName(segment) : segment)),
    extensions: { ...error.extensions, serviceName },
  };
  const definition = errorCodeDef(error);
  if (!definition && error.extensions?.code) return new GraphQLError(message, options);
  return (definition ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}
