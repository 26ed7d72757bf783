// Products the bench browses and buys. The catalog seed writes rows without events, so the
// orders service's price list (a read model fed only by catalog.product.changed) does not know the
// seeded products: the bench publishes that event for the few products it sells, exactly as
// catalog does when a product changes, and waits until orders has them.
import {
  anonymousIdentity,
  catalogEvents,
  createEventPublisher,
  createKafka,
  createLogger,
  signIdentityHeaders,
} from "@shopstream/kernel";
import pg from "pg";
import { subgraphUrl } from "./subgraphs.js";

export interface SellableProduct {
  id: string;
  variantIds: string[];
}

interface CatalogProduct {
  id: string;
  slug: string;
  name: string;
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  variants: Array<{
    id: string;
    sku: string;
    price: { amount: number; currency: string };
    compareAtPrice: null | { amount: number; currency: string };
  }>;
}

const QUERY = `query BenchProducts($first: Int!) { products(first: $first) { edges { node {
  id slug name status variants { id sku price { amount currency } compareAtPrice { amount currency } } } } } }`;

export async function sellableProducts(secret: string, count: number): Promise<SellableProduct[]> {
  const response = await fetch(subgraphUrl("catalog"), {
    method: "POST",
    headers: { "content-type": "application/json", ...signIdentityHeaders(anonymousIdentity, secret) },
    body: JSON.stringify({ query: QUERY, variables: { first: count } }),
  });
  const json = (await response.json()) as { data?: { products: { edges: Array<{ node: CatalogProduct }> } } };
  const products = json.data?.products.edges.map((edge) => edge.node) ?? [];
  if (products.length === 0) throw new Error(`catalog returned no products: ${JSON.stringify(json).slice(0, 300)}`);

  const logger = createLogger("bench", "warn");
  const kafka = createKafka({
    clientId: "shopstream-bench",
    brokers: [process.env.KAFKA_BROKERS ?? "127.0.0.1:9092"],
    logger,
  });
  const publisher = await createEventPublisher(kafka);
  try {
    const messages = products.map((product) => {
      const envelope = catalogEvents.productChanged.create({
        subject: product.id,
        source: "bench-seed",
        data: {
          productId: product.id,
          slug: product.slug,
          name: product.name,
          status: product.status,
          variantIds: product.variants.map((v) => v.id),
          variants: product.variants.map((v) => ({
            variantId: v.id,
            sku: v.sku,
            price: v.price,
            compareAtPrice: v.compareAtPrice,
          })),
          changedFields: ["status"],
        },
      });
      return { topic: catalogEvents.productChanged.topic, key: envelope.subject, value: JSON.stringify(envelope) };
    });
    await publisher.publish(messages);
  } finally {
    await publisher.close();
  }
  await waitForOrdersReadModel(products.flatMap((p) => p.variants.map((v) => v.id)));
  return products.map((p) => ({ id: p.id, variantIds: p.variants.map((v) => v.id) }));
}

async function waitForOrdersReadModel(variantIds: string[]): Promise<void> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: 5432,
    user: "shopstream_orders",
    password: "shopstream",
    database: "shopstream_orders",
  });
  await client.connect();
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM product_variant WHERE variant_id = ANY($1::text[])",
        [variantIds],
      );
      if (Number(rows[0]!.n) === variantIds.length) return;
      if (Date.now() > deadline) throw new Error(`orders knows ${rows[0]!.n} of ${variantIds.length} bench variants`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}
