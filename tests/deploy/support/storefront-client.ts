// A shopper and an ops tool against a BuiltPlatform: the storefront app's registered operations
// (schema/operations/storefront/persisted-documents.json), sent by id as the app sends them,
// through the router; sign-up through identity's OAuth page with PKCE, as the app's users do;
// and admin mutations straight to a subgraph with an identity signed with the platform's secret.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { signIdentityHeaders } from "@shopstream/kernel";
import { buildOperationManifest } from "@shopstream/router/src/protection/operation-manifest";
import { waitFor } from "@shopstream/testkit";
import { type BuiltPlatform, storefrontClientId, storefrontRedirectUri } from "./built-platform.js";

// The router's own reading of the registered documents (names parsed, ids checked against bodies).
const idByOperation = new Map(
  (await buildOperationManifest(path.resolve(import.meta.dirname, "../../../schema/operations/storefront"))).flatMap(
    (entry) => entry.names.map((name) => [name, entry.id] as const),
  ),
);
/** The request body the app sends for a registered operation: its id, never its text. */
export function registeredRequest(operationName: string, variables: Record<string, unknown>) {
  const sha256Hash = idByOperation.get(operationName);
  if (!sha256Hash) throw new Error(`the storefront app has no operation ${operationName}`);
  return { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash } } };
}

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response fields one by one
export type Body = { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Body> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok && !response.headers.get("content-type")?.includes("json"))
    throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as Body;
}

export const shippingAddress = {
  name: "Ada Lovelace",
  line1: "1 Analytical St",
  city: "London",
  postalCode: "N1 1AA",
  country: "GB",
};

export function storefrontClient(platform: BuiltPlatform) {
  const viaRouter = (operationName: string, variables: Record<string, unknown>, token?: string) =>
    post(
      platform.routerUrl,
      registeredRequest(operationName, variables),
      token ? { authorization: `Bearer ${token}` } : {},
    );
  const asAdmin = (subgraph: "catalog" | "inventory", query: string, variables: Record<string, unknown>) =>
    post(
      platform.subgraphUrls[subgraph],
      { query, variables },
      signIdentityHeaders(
        { userId: "ops-admin", sessionId: null, scopes: [`${subgraph}:write`] },
        platform.identitySecret,
      ),
    );
  // Orders learns a new variant from catalog's events (outbox → relay → Kafka → consumer), so
  // for a moment after createProduct inventory says "in stock" while orders refuses the item.
  // A throwaway guest cart tells when it sells.
  const untilOrdersSells = (variantId: string) =>
    waitFor(
      async () =>
        (await viaRouter("AddToCart", { input: { variantId, quantity: 1 } })).data?.addToCart?.userErrors?.length === 0,
      { timeoutMs: 60_000, intervalMs: 200, what: `orders to sell variant ${variantId}` },
    );
  return {
    viaRouter,
    asAdmin,
    /** A new product variant with `quantity` in stock at wh-ber; returns its id. */
    async createStockedVariant(quantity: number): Promise<string> {
      return (await this.createStockedProduct(quantity)).variantId;
    },
    /** A new product with one variant, `quantity` in stock at wh-ber, once orders sells it. */
    async createStockedProduct(quantity: number): Promise<{ variantId: string; name: string; slug: string }> {
      const search = await viaRouter("SearchProducts", { search: null, filter: null, after: null });
      const brandId = search.data?.products?.facets?.brands?.[0]?.brand?.id;
      if (!brandId) throw new Error(`no seeded brand: ${JSON.stringify(search)}`);
      const created = await asAdmin(
        "catalog",
        `mutation ($input: CreateProductInput!) { createProduct(input: $input) {
          product { name slug variants { id } } userErrors { code message } } }`,
        {
          input: {
            name: `Built Parka ${randomUUID().slice(0, 8)}`,
            brandId,
            categoryIds: [],
            status: "ACTIVE",
            description: "",
            variants: [
              {
                sku: `BUILT-${randomUUID().slice(0, 8).toUpperCase()}`,
                size: "M",
                colour: "Olive",
                price: { amount: 12_000, currency: "EUR" },
              },
            ],
          },
        },
      );
      const variantId = created.data?.createProduct?.product?.variants?.[0]?.id;
      if (!variantId) throw new Error(`createProduct failed: ${JSON.stringify(created)}`);
      const received = await asAdmin(
        "inventory",
        `mutation ($input: ReceiveStockInput!) { receiveStock(input: $input) { userErrors { code message } } }`,
        { input: { variantId, warehouseId: "wh-ber", quantity } },
      );
      if (received.data?.receiveStock?.userErrors?.length !== 0)
        throw new Error(`receiveStock failed: ${JSON.stringify(received)}`);
      await untilOrdersSells(variantId);
      const { name, slug } = created.data.createProduct.product;
      return { variantId, name, slug };
    },
    /** Creates a shopper's account on identity's sign-in page (authorization code + PKCE, as
     * the storefront does) and returns the access token. */
    async signUp(): Promise<string> {
      const identity = platform.subgraphUrls.identity.replace(/\/graphql$/, "");
      const verifier = randomBytes(48).toString("base64url");
      const form = new URLSearchParams({
        response_type: "code",
        client_id: storefrontClientId,
        redirect_uri: storefrontRedirectUri,
        state: randomUUID(),
        code_challenge: createHash("sha256").update(verifier).digest("base64url"),
        code_challenge_method: "S256",
        intent: "create",
        name: "Built Shopper",
        email: `built-${randomUUID()}@example.com`,
        password: `Built-${randomUUID()}`,
      });
      const authorized = await fetch(`${identity}/oauth/authorize`, { method: "POST", body: form, redirect: "manual" });
      const code = new URL(authorized.headers.get("location") ?? "http://x/").searchParams.get("code");
      if (!code) throw new Error(`sign-up failed: HTTP ${authorized.status} ${await authorized.text()}`);
      const tokens = await fetch(`${identity}/oauth/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code,
          client_id: storefrontClientId,
          redirect_uri: storefrontRedirectUri,
          code_verifier: verifier,
        }),
      });
      const token = ((await tokens.json()) as { access_token?: string }).access_token;
      if (!token) throw new Error(`token exchange failed: HTTP ${tokens.status}`);
      return token;
    },
  };
}
