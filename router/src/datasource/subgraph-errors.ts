// Transport failures become GraphQL errors with a code instead of exceptions, so the query plan
// keeps executing and the client gets partial data plus an explanation per failed subgraph.
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";

export type SubgraphErrorCode = "SUBGRAPH_TIMEOUT" | "SUBGRAPH_UNAVAILABLE" | "SUBGRAPH_BAD_RESPONSE";

export function subgraphError(code: SubgraphErrorCode, message: string): GatewayGraphQLResponse {
  return { errors: [{ message, extensions: { code } }] as GatewayGraphQLResponse["errors"] };
}

const timeoutNames = new Set(["TimeoutError", "AbortError", "HeadersTimeoutError", "BodyTimeoutError"]);
const timeoutCodes = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_ABORTED"]);

export function transportFailure(subgraph: string, timeoutMs: number, error: unknown): GatewayGraphQLResponse {
  const { name, code, cause } = error as { name?: string; code?: string; cause?: { code?: string } };
  if (timeoutNames.has(name ?? "") || timeoutCodes.has(code ?? ""))
    return subgraphError("SUBGRAPH_TIMEOUT", `Subgraph "${subgraph}" did not answer within ${timeoutMs} ms`);
  const reason = code ?? cause?.code ?? name ?? "network error";
  return subgraphError("SUBGRAPH_UNAVAILABLE", `Subgraph "${subgraph}" is unavailable (${reason})`);
}
