// Products the bench buys. The catalog seed publishes catalog.product.changed for what it inserts;
// a database seeded before it did so has no such events, so the bench (re)publishes the event for
// the few products it sells, exactly as catalog does, and waits until orders has them.
import { catalogEvents, createEventPublisher, createKafka, createLogger } from "@shopstream/kernel";
import { generateSeedCatalog } from "@shopstream/seed-catalog";
import { connectDomainDb } from "./domain-db.js";

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

/**
 * The first `count` ACTIVE products of the deterministic catalog seed (the same pure generator the
 * inventory seed stocks from), never products that tests created on a dev machine: those have no
 * stock, and every order for them would be rejected.
 */
export async function sellableProducts(_secret: string, count: number): Promise<SellableProduct[]> {
  const seed = generateSeedCatalog();
  const products: CatalogProduct[] = seed.products
    .filter((product) => product.status === "ACTIVE")
    .slice(0, count)
    .map((product) => ({
      ...product,
      variants: seed.variants
        .filter((variant) => variant.productId === product.id)
        .map((variant) => ({
          id: variant.id,
          sku: variant.sku,
          price: { amount: variant.priceAmount, currency: variant.currency },
          compareAtPrice:
            variant.compareAtAmount === null ? null : { amount: variant.compareAtAmount, currency: variant.currency },
        })),
    }));
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
  const client = await connectDomainDb("orders");
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
