// Hive Gateway (child process): @graphql-hive/gateway's runtime on node:http, one process (the
// router and stock gateway run one worker each too), production settings (no GraphiQL, no landing
// page). Subgraph requests carry the same HMAC-signed anonymous identity our router sends, set in
// an onFetch plugin. Env: PORT, SUPERGRAPH_PATH (security directives stripped), IDENTITY_HMAC_SECRET.

import { readFileSync } from "node:fs";
import http from "node:http";
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway";
import { anonymousIdentity, localStackDefaults, signIdentityHeaders } from "@shopstream/kernel";

const secret = process.env.IDENTITY_HMAC_SECRET ?? localStackDefaults.identityHmacSecret;

const signedIdentity: GatewayPlugin = {
  onFetch({ options, setOptions }) {
    setOptions({
      ...options,
      headers: { ...(options.headers as Record<string, string>), ...signIdentityHeaders(anonymousIdentity, secret) },
    });
  },
};

const gateway = createGatewayRuntime({
  supergraph: readFileSync(process.env.SUPERGRAPH_PATH!, "utf8"),
  graphqlEndpoint: "/graphql",
  graphiql: false,
  landingPage: false,
  logging: "warn",
  plugins: () => [signedIdentity],
});
const server = http.createServer(gateway);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => {
  server.close();
  void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
});
