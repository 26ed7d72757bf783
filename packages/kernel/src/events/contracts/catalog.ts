import { z } from "zod";
import { defineEvent } from "../envelope.js";
import { moneySchema } from "../money.js";
import { topics } from "../topics.js";

/**
 * Full current state of a product after any change (event-carried state transfer), so that
 * read models elsewhere (orders' price list, recommendations' affinities) never call catalog.
 */
export const productChanged = defineEvent({
  type: "catalog.product.changed",
  topic: topics.catalogProducts,
  data: z.object({
    productId: z.string(),
    slug: z.string(),
    name: z.string().optional(),
    status: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]),
    brandId: z.string().nullable().optional(),
    categoryIds: z.array(z.string()).optional(),
    variantIds: z.array(z.string()),
    variants: z
      .array(
        z.object({
          variantId: z.string(),
          sku: z.string(),
          price: moneySchema,
          compareAtPrice: moneySchema.nullable(),
        }),
      )
      .optional(),
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
