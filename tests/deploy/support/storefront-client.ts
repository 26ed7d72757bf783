// A shopper and an ops tool against a BuiltPlatform: the storefront's registered operations
// (schema/operations/storefront) through the router, and admin mutations straight to a subgraph
// with an identity signed with the platform's secret.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { signIdentityHeaders } from "@shopstream/kernel";
import type { BuiltPlatform } from "./built-platform.js";

const operationsDir = path.resolve(import.meta.dirname, "../../../schema/operations/storefront");
const operation = (file: string) => readFileSync(path.join(operationsDir, `${file}.graphql`), "utf8");

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
  const viaRouter = (file: string, variables: Record<string, unknown>, token?: string) =>
    post(platform.routerUrl, { query: operation(file), variables }, token ? { authorization: `Bearer ${token}` } : {});
  const asAdmin = (subgraph: "catalog" | "inventory", query: string, variables: Record<string, unknown>) =>
    post(
      platform.subgraphUrls[subgraph],
      { query, variables },
      signIdentityHeaders(
        { userId: "ops-admin", sessionId: null, scopes: [`${subgraph}:write`] },
        platform.identitySecret,
      ),
    );
  return {
    viaRouter,
    asAdmin,
    /** A new product variant with `quantity` in stock at wh-ber; returns its id. */
    async createStockedVariant(quantity: number): Promise<string> {
      const search = await viaRouter("search", { search: null, filter: null, after: null });
      const brandId = search.data?.products?.facets?.brands?.[0]?.brand?.id;
      if (!brandId) throw new Error(`no seeded brand: ${JSON.stringify(search)}`);
      const created = await asAdmin(
        "catalog",
        `mutation ($input: CreateProductInput!) { createProduct(input: $input) {
          product { variants { id } } userErrors { code message } } }`,
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
      return variantId;
    },
    /** Signs a new shopper up through the router; returns the access token. */
    async signUp(): Promise<string> {
      const result = await viaRouter("sign-up", {
        input: { email: `built-${randomUUID()}@example.com`, name: "Built Shopper", password: `Built-${randomUUID()}` },
      });
      const token = result.data?.signUp?.session?.accessToken;
      if (!token) throw new Error(`signUp failed: ${JSON.stringify(result)}`);
      return token;
    },
  };
}
