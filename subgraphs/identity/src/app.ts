// Builds the identity subgraph from its dependencies. server.ts runs it as a process; tests start
// it on a free port around their own Prisma and Redis clients.
import { readFileSync } from "node:fs";
import {
  anonymousIdentity,
  type BaseRequestContext,
  createOutbox,
  type Logger,
  startSubgraphServer,
} from "@shopstream/kernel";
import { parse } from "graphql";
import type { Redis } from "ioredis";
import type { IdentityContext } from "./context.js";
import type { IdentityPrisma } from "./db.js";
import type { IdentityServiceEnv } from "./env.js";
import { clientIpFrom } from "./http/client-ip.js";
import { discoveryRoute, jwksRoute } from "./http/jwks.js";
import { authorizeRoute } from "./http/oauth-authorize.js";
import { tokenRoute } from "./http/oauth-token.js";
import { createLoaders } from "./loaders/index.js";
import { createRepositories } from "./repositories/index.js";
import { resolvers } from "./resolvers/index.js";
import { createServices } from "./services/index.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export interface IdentityDeps {
  prisma: IdentityPrisma;
  redis: Redis;
  env: IdentityServiceEnv;
  logger: Logger;
}

export function createIdentitySubgraph({ prisma, redis, env, logger }: IdentityDeps) {
  const repositories = createRepositories(prisma);
  const services = createServices({ prisma, redis, env, logger, repositories, outbox: createOutbox("identity") });
  return {
    name: "identity",
    typeDefs,
    resolvers,
    services,
    /**
     * The router checks the session too, but identity is the authority: a caller whose session
     * was revoked (sign-out, refresh-token reuse, password reset) is anonymous here at once.
     */
    context: async (base: BaseRequestContext): Promise<IdentityContext> => {
      const sessionId = base.identity.sessionId;
      const revoked = sessionId !== null && !(await services.sessions.isActive(sessionId));
      return {
        ...base,
        identity: revoked ? anonymousIdentity : base.identity,
        clientIp: clientIpFrom(base.headers),
        services,
        loaders: createLoaders(repositories),
      };
    },
    routes: {
      "/.well-known/jwks.json": jwksRoute(services.signingKeys),
      "/.well-known/openid-configuration": discoveryRoute(env.JWT_ISSUER),
      "/oauth/authorize": authorizeRoute(services),
      "/oauth/token": tokenRoute(services),
    },
    readiness: { postgres: () => prisma.$queryRaw`SELECT 1`, redis: () => redis.ping() },
  };
}

export async function startIdentity(deps: IdentityDeps & { port: number; host?: string }) {
  const { services, ...subgraph } = createIdentitySubgraph(deps);
  await services.signingKeys.ensureActiveKey();
  const server = await startSubgraphServer({
    ...subgraph,
    port: deps.port,
    host: deps.host,
    kafkaBrokers: deps.env.KAFKA_BROKERS,
    logger: deps.logger,
    identitySecret: deps.env.IDENTITY_HMAC_SECRET,
  });
  return { ...server, services, baseUrl: server.url.replace(/\/graphql$/, "") };
}
