// Real identity, catalog and inventory subgraphs (each behind a counting proxy) composed into an
// in-memory supergraph, and the router verifying identity's access tokens against its JWKS.

import { startHarness as startCatalog } from "@shopstream/catalog/testing/harness";
import { startIdentityFixture } from "@shopstream/identity/testing/identity-fixture";
import { inventoryService } from "@shopstream/inventory";
import { createFixture as createInventoryFixture } from "@shopstream/inventory/testing/fixture";
import { createLogger } from "@shopstream/kernel";
import { type RouterOptions, type RunningRouter, startRouter } from "@shopstream/router";
import { startCountingProxy, startTestService } from "@shopstream/testkit";
import { composeSubgraphs } from "./compose-subgraphs.js";

export interface GraphQLBody {
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on response fields one by one
  data?: any;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string } }>;
}

export async function startAuthStack() {
  const identity = await startIdentityFixture();
  const catalog = await startCatalog();
  const inventory = await createInventoryFixture();
  const inventoryServer = await startTestService(inventoryService);
  const proxies = {
    identity: await startCountingProxy(identity.server.url),
    catalog: await startCountingProxy(catalog.url),
    inventory: await startCountingProxy(inventoryServer.url),
  };
  const supergraphSdl = await composeSubgraphs({
    identity: proxies.identity.url,
    catalog: proxies.catalog.url,
    inventory: proxies.inventory.url,
  });
  const jwksUrl = `${identity.server.baseUrl}/.well-known/jwks.json`;
  const startWith = (auth: RouterOptions["auth"] = {}) =>
    startRouter({
      supergraphSdl: supergraphSdl,
      port: 0,
      identitySecret: identity.env.IDENTITY_HMAC_SECRET,
      auth: { jwksUrl, issuer: identity.env.JWT_ISSUER, audience: identity.env.JWT_AUDIENCE, ...auth },
      logger: createLogger("router-test", "silent"),
    });
  const router = await startWith();

  async function viaRouter(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string; headers?: Record<string, string>; target?: RunningRouter } = {},
  ): Promise<GraphQLBody & { status: number }> {
    const response = await fetch((options.target ?? router).url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as GraphQLBody) };
  }

  return {
    identity,
    catalog,
    inventory,
    proxies,
    router,
    jwksUrl,
    /** Another router on the same subgraphs with different auth settings (closed by the caller). */
    startRouter: startWith,
    viaRouter,
    async close() {
      await router.close();
      await Promise.all(Object.values(proxies).map((proxy) => proxy.close()));
      await Promise.all([identity.close(), catalog.close(), inventoryServer.stop(), inventory.close()]);
    },
  };
}

export type AuthStack = Awaited<ReturnType<typeof startAuthStack>>;
