import { z } from "zod";
import { defineEvent } from "../envelope.js";
import { moneySchema } from "../money.js";
import { topics } from "../topics.js";

export const productChanged = defineEvent({
  type: "catalog.product.changed",
  topic: topics.catalogProducts,
  data: z.object({
    productId: z.string(),
    slug: z.string(),
    status: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]),
    variantIds: z.array(z.string()),
    changedFields: z.array(z.string()),
  }),
});

export const priceChanged = defineEvent({
  type: "catalog.price.changed",
  topic: topics.catalogProducts,
  data: z.object({
    productId: z.string(),
    variantId: z.string(),
    sku: z.string(),
    price: moneySchema,
    compareAtPrice: moneySchema.nullable(),
  }),
});
