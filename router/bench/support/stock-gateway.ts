// The baseline (child process): stock ApolloGateway inside ApolloServer's standalone server,
// production settings, the same worker count as the router (cluster), the same signed identity
// headers. Env: PORT, WORKERS, SUPERGRAPH_PATH, IDENTITY_HMAC_SECRET.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { anonymousIdentity, localStackDefaults, signIdentityHeaders } from "@shopstream/kernel";

const workers = Number(process.env.WORKERS ?? 1);
const secret = process.env.IDENTITY_HMAC_SECRET ?? localStackDefaults.identityHmacSecret;

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH!, "utf8"),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest({ request }) {
          for (const [key, value] of Object.entries(signIdentityHeaders(anonymousIdentity, secret)))
            request.http?.headers.set(key, value);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: "127.0.0.1" } });
  process.on("SIGTERM", () => void server.stop().then(() => process.exit(0)));
}
