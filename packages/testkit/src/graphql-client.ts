// A GraphQL client that calls a subgraph the way the router does: identity in signed headers.
import { type Identity, signIdentityHeaders } from "@shopstream/kernel";

export interface GraphQLResponse<T = Loose> {
  data?: T;
  errors?: Array<{
    message: string;
    path?: (string | number)[];
    extensions?: Record<string, unknown> & { code?: string };
  }>;
}

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response fields one by one
export type Loose = any;

export const anonymous: Identity = { userId: null, sessionId: null, scopes: [] };

export interface SignedRequest {
  identity?: Partial<Identity>;
  headers?: Record<string, string>;
}

export function signedGraphqlClient(url: string, secret: string) {
  return async <T = Loose>(
    query: string,
    variables: Record<string, unknown> = {},
    request: SignedRequest = {},
  ): Promise<GraphQLResponse<T>> => {
    const identity = { ...anonymous, ...request.identity };
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...signIdentityHeaders(identity, secret), ...request.headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
}
