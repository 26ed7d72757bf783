// The identity service: users, credentials, sessions (Redis), addresses, OAuth 2.0 with PKCE and
// the JWKS the router verifies tokens with. Publishes identity.users; consumes nothing.
import { readFileSync } from "node:fs";
import { anonymousIdentity, type BaseRequestContext, createOutbox, defineService, topics } from "@shopstream/kernel";
import { parse } from "graphql";
import type { IdentityContext } from "./context.js";
import { createPrisma } from "./db.js";
import { type IdentityServiceEnv, identityServiceEnvShape } from "./env.js";
import { clientIpFrom } from "./http/client-ip.js";
import { discoveryRoute, jwksRoute } from "./http/jwks.js";
import { authorizeRoute } from "./http/oauth-authorize.js";
import { tokenRoute } from "./http/oauth-token.js";
import { createLoaders } from "./loaders/index.js";
import { createRepositories } from "./repositories/index.js";
import { resolvers } from "./resolvers/index.js";
import { seedIdentity } from "./services/identity-seed.js";
import { createServices } from "./services/index.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export const identityService = defineService({
  name: "identity",
  envShape: identityServiceEnvShape,
  createDatabase: (env: IdentityServiceEnv) => createPrisma(env),
  redis: true,
  build({ db, redis, env, logger }) {
    const repositories = createRepositories(db);
    const services = createServices({ prisma: db, redis, env, logger, repositories, outbox: createOutbox("identity") });
    return {
      typeDefs,
      resolvers,
      services,
      publishes: [topics.identityUsers],
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
      beforeServe: () => services.signingKeys.ensureActiveKey(),
      seed: () => seedIdentity(repositories, services),
    };
  },
});
