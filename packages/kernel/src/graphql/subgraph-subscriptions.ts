// GraphQL subscriptions of a subgraph, over graphql-ws (graphql-transport-ws) on /graphql. Only
// the router connects: the connection's parameters carry its signed identity headers, and each
// subscription carries the signed identity of the client it is for in its extensions, so one
// socket per router serves all of its subscribers. On close every socket is told 1001 (going
// away) and the router ends its clients' subscriptions with a clear error.
import { randomUUID } from "node:crypto";
import type http from "node:http";
import type { GraphQLSchema } from "graphql";
import { GraphQLError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { type Identity, IdentityError, verifyIdentityHeaders } from "../auth/identity.js";
import type { Logger } from "../logging/logger.js";
import type { BaseRequestContext } from "./subgraph-server.js";

/** Where a subscribe message carries its caller's signed identity headers. */
export const identityExtension = "identityHeaders";

export interface SubgraphSubscriptionOptions<Ctx> {
  server: http.Server;
  schema: GraphQLSchema;
  identitySecret: string;
  logger: Logger;
  context: (base: BaseRequestContext) => Ctx | Promise<Ctx>;
}

type Headers = Record<string, string | undefined>;

export function serveSubscriptions<Ctx>(options: SubgraphSubscriptionOptions<Ctx>): { close(): Promise<void> } {
  const { identitySecret, logger } = options;
  const wss = new WebSocketServer({ server: options.server, path: "/graphql" });
  const identities = new WeakMap<object, Identity>();
  const verify = (headers: unknown) => verifyIdentityHeaders((headers ?? {}) as Headers, identitySecret);
  const disposable = useServer(
    {
      schema: options.schema,
      onConnect(ctx) {
        try {
          verify((ctx.connectionParams as { headers?: unknown } | undefined)?.headers);
          return true;
        } catch (error) {
          if (error instanceof IdentityError) return false; // 4403 Forbidden
          throw error;
        }
      },
      onSubscribe(_ctx, _id, payload) {
        try {
          identities.set(payload, verify(payload.extensions?.[identityExtension]));
        } catch (error) {
          if (!(error instanceof IdentityError)) throw error;
          return [new GraphQLError(error.message, { extensions: { code: "UNAUTHENTICATED" } })];
        }
      },
      context: (ctx, _id, payload) => {
        const identity = identities.get(payload) as Identity;
        const requestId = randomUUID();
        const headers = ctx.extra.request.headers;
        return options.context({ identity, requestId, logger: logger.child({ requestId }), headers }) as never;
      },
    },
    wss,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
