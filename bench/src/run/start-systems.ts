// Starts the gateways, checks each answers a product page without errors, records the response
// bytes of every operation (through the first gateway that works) and starts the limit baseline
// with them. A gateway that does not start is reported as failed; the others still run.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ADD_TO_CART, body, PLACE_ORDER, SET_CHECKOUT, shippingAddress } from "../scenarios/operations.js";
import { productPageBody, searchBody } from "../scenarios/storefront.js";
import { graphqlProbe, startChild, stop, waitUntilUp } from "../support/children.js";
import { resultsDir } from "../support/paths.js";
import { postGraphQL } from "../support/post-graphql.js";
import type { SellableProduct } from "../support/sellable-products.js";
import type { SupergraphFiles } from "../support/supergraph.js";
import { type RunningSystem, type SystemKey, systems } from "../systems/systems.js";

const wanted = (process.env.BENCH_SYSTEMS ?? "stock,router,hive,baseline").split(",");

const post = (url: string, body: string) => postGraphQL(url, body);

async function recordResponses(url: string, products: SellableProduct[]): Promise<Record<string, string>> {
  const added = await post(url, body(ADD_TO_CART, { input: { variantId: products[0]!.variantIds[0], quantity: 1 } }));
  const cartToken = (JSON.parse(added) as { data: { addToCart: { cart: { token: string } } } }).data.addToCart.cart
    .token;
  return {
    Search: await post(url, searchBody()),
    ProductPage: await post(url, productPageBody(products[0]!.id)),
    AddToCart: added,
    SetCheckout: await post(
      url,
      body(SET_CHECKOUT, { input: { cartToken, shippingAddress, shippingMethod: "STANDARD" } }),
    ),
    PlaceOrder: await post(
      url,
      body(PLACE_ORDER, { input: { cartToken, idempotencyKey: `bench-${randomUUID()}`, paymentToken: "tok_visa" } }),
    ),
  };
}

export async function startSystems(files: SupergraphFiles, secret: string, products: SellableProduct[]) {
  const common = { IDENTITY_HMAC_SECRET: secret, NODE_ENV: "production", LOG_LEVEL: "warn" };
  const running: RunningSystem[] = [];
  const failed: Partial<Record<SystemKey, string>> = {};
  const gateways = systems.filter((s) => s.key !== "baseline" && wanted.includes(s.key));
  await Promise.all(
    gateways.map(async (spec) => {
      const child = startChild(spec.key, spec.script, spec.env(files, common));
      try {
        await waitUntilUp(spec.label, child, graphqlProbe(spec.url));
        await post(spec.url, productPageBody(products[0]!.id));
        running.push({ spec, child });
        console.log(`[bench] ${spec.label} up at ${spec.url}`);
      } catch (error) {
        failed[spec.key] = String(error).slice(0, 300);
        console.error(`[bench] ${spec.label} failed: ${failed[spec.key]}`);
        await stop(child);
      }
    }),
  );
  running.sort((a, b) => systems.indexOf(a.spec) - systems.indexOf(b.spec));
  const baselineSpec = systems.find((s) => s.key === "baseline")!;
  const recorder = running.find((r) => r.spec.key === "router") ?? running[0];
  if (wanted.includes("baseline") && recorder) {
    const responsesPath = path.join(resultsDir, "logs", "baseline-responses.json");
    writeFileSync(responsesPath, JSON.stringify(await recordResponses(recorder.spec.url, products)));
    const child = startChild("baseline", baselineSpec.script, {
      ...baselineSpec.env(files, common),
      RESPONSES_PATH: responsesPath,
    });
    await waitUntilUp(baselineSpec.label, child, graphqlProbe(baselineSpec.url));
    running.push({ spec: baselineSpec, child });
  }
  return {
    systems: running,
    failed,
    close: async () => {
      await Promise.all(running.map((r) => stop(r.child)));
    },
  };
}
