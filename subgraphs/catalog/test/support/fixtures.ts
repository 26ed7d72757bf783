// Test data with unique names, so tests in parallel (and the seed) never see each other's rows.
// Brands and categories have no mutations, so they are inserted directly.
import { randomBytes } from "node:crypto";
import type { CatalogPrisma } from "../../src/db.js";
import type { Harness } from "./harness.js";

/** A lowercase letters-only word that no dictionary and no other test contains. */
export const uniqueWord = () =>
  `zq${[...randomBytes(8)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;

export async function createBrand(prisma: CatalogPrisma, name = `Brand ${uniqueWord()}`) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return prisma.brand.create({ data: { name, slug } });
}

export async function createCategory(prisma: CatalogPrisma, parentId: string | null = null) {
  const word = uniqueWord();
  return prisma.category.create({ data: { name: `Category ${word}`, slug: `category-${word}`, parentId } });
}

export interface TestVariant {
  size: string;
  colour: string;
  amount: number;
  compareAt?: number;
}

export interface TestProduct {
  name: string;
  description?: string;
  brandId: string;
  categoryIds?: string[];
  variants: TestVariant[];
  status?: "DRAFT" | "ACTIVE" | "ARCHIVED";
}

export const createProductMutation = `
  mutation Create($input: CreateProductInput!) {
    createProduct(input: $input) {
      product { id slug name status variants { id sku } }
      userErrors { code field message }
    }
  }`;

export function productInput(product: TestProduct) {
  const skuBase = uniqueWord().toUpperCase();
  return {
    name: product.name,
    slug: null as string | null, // derived from the name

    description: product.description ?? "",
    brandId: product.brandId,
    categoryIds: product.categoryIds ?? [],
    status: product.status ?? "ACTIVE",
    variants: product.variants.map((variant, index) => ({
      sku: `${skuBase}-${index}`,
      size: variant.size,
      colour: variant.colour,
      price: { amount: variant.amount, currency: "EUR" },
      compareAtPrice: variant.compareAt ? { amount: variant.compareAt, currency: "EUR" } : null,
    })),
  };
}

/** Creates a product through the createProduct mutation and returns it (fails loudly otherwise). */
export async function createProduct(harness: Harness, product: TestProduct) {
  const result = await harness.gql(createProductMutation, { input: productInput(product) });
  const payload = result.data?.createProduct;
  if (!payload?.product) throw new Error(`createProduct failed: ${JSON.stringify(result)}`);
  return payload.product as { id: string; slug: string; name: string; variants: Array<{ id: string; sku: string }> };
}
