// Commands on the Product aggregate (a product with its variants, images and categories). Each
// one validates everything first and returns typed userErrors without writing anything, or
// writes its change and its outbox event in ONE transaction.
import { slugify, type UserError, userError } from "@shopstream/kernel";
import { recordPriceChanged, recordProductChanged } from "../events/catalog-events.js";
import { createRepositories } from "../repositories/index.js";
import type { Product, ProductChanges, ProductStatus } from "../repositories/product-repository.js";
import type { Variant } from "../repositories/variant-repository.js";
import { type MoneyInput, validatePricePair } from "./money.js";
import { checkReferences } from "./product-references.js";
import { diffProduct, type ProductUpdateInput, validateProductUpdate } from "./product-update.js";
import {
  checkImages,
  checkSlug,
  checkText,
  checkVariants,
  type ImageInput,
  textLimits,
  type VariantInput,
} from "./product-validation.js";
import type { ServiceDeps } from "./service-deps.js";
import { uniqueViolation } from "./unique-violation.js";

export interface CreateProductInput {
  name: string;
  slug?: string | null;
  description?: string | null;
  brandId: string;
  categoryIds?: string[] | null;
  images?: ImageInput[] | null;
  status?: ProductStatus | null;
  variants: VariantInput[];
}

export interface ProductResult {
  product: Product | null;
  userErrors: UserError[];
}

export interface VariantResult {
  variant: Variant | null;
  userErrors: UserError[];
}

const failed = (userErrors: UserError[]) => ({ product: null, userErrors });
const unique = <T>(items: T[]) => [...new Set(items)];

export function createProductService({ prisma, repositories, outbox }: ServiceDeps) {
  /** Runs a write in a transaction; a unique-constraint race becomes an ALREADY_EXISTS userError. */
  async function write<T>(run: (tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0]) => Promise<T>) {
    try {
      return { value: await prisma.$transaction(run), userErrors: [] as UserError[] };
    } catch (error) {
      const fields = uniqueViolation(error);
      if (!fields) throw error;
      return {
        value: null,
        userErrors: [userError("ALREADY_EXISTS", `${fields.join(".")} is already taken.`, fields)],
      };
    }
  }

  return {
    async createProduct(input: CreateProductInput): Promise<ProductResult> {
      const name = input.name.trim();
      const slug = input.slug ?? slugify(name);
      const images = (input.images ?? []).map((image) => ({ url: image.url, alt: image.alt ?? "" }));
      const categoryIds = unique(input.categoryIds ?? []);
      const description = input.description ?? "";
      const shapeErrors = [
        ...checkText(name, "name", textLimits.name),
        ...(name === "" && !input.slug ? [] : checkSlug(slug)),
        ...checkText(description, "description", textLimits.description, false),
        ...checkImages(images),
        ...checkVariants(input.variants),
      ];
      if (shapeErrors.length > 0) return failed(shapeErrors);
      const skus = input.variants.map((variant) => variant.sku);
      const refErrors = await checkReferences(repositories, {
        brandId: input.brandId,
        categoryIds,
        slug: { value: slug },
        skus,
      });
      if (refErrors.length > 0) return failed(refErrors);

      const { value, userErrors } = await write(async (tx) => {
        const product = await createRepositories(tx).products.create({
          slug,
          name,
          description,
          brandId: input.brandId,
          status: input.status ?? "DRAFT",
          categoryIds,
          images,
          variants: input.variants.map((v) => ({
            sku: v.sku,
            size: v.size.trim(),
            colour: v.colour.trim(),
            priceAmount: v.price.amount,
            compareAtAmount: v.compareAtPrice?.amount ?? null,
            currency: v.price.currency,
          })),
        });
        await recordProductChanged(outbox, tx, await productState(createRepositories(tx), product), ["created"]);
        return product;
      });
      return { product: value, userErrors };
    },

    async updateProduct(input: ProductUpdateInput): Promise<ProductResult> {
      const [current] = await repositories.products.findByIds([input.id]);
      if (!current) return failed([userError("NOT_FOUND", "No such product.", ["id"])]);
      const shapeErrors = validateProductUpdate(input);
      if (shapeErrors.length > 0) return failed(shapeErrors);
      const categoryIds = input.categoryIds ? unique(input.categoryIds) : undefined;
      const refErrors = await checkReferences(repositories, {
        brandId: input.brandId ?? undefined,
        categoryIds,
        slug: input.slug ? { value: input.slug, ownerId: current.id } : undefined,
      });
      if (refErrors.length > 0) return failed(refErrors);
      const currentCategoryIds = (await repositories.categories.findAssignments([current.id])).map(
        (row) => row.categoryId,
      );
      const { changes, changedFields } = diffProduct(current, currentCategoryIds, { ...input, categoryIds });
      if (changedFields.length === 0) return { product: current, userErrors: [] };
      return applyChanges(current.id, changes, changedFields);
    },

    async archiveProduct(id: string): Promise<ProductResult> {
      const [current] = await repositories.products.findByIds([id]);
      if (!current) return failed([userError("NOT_FOUND", "No such product.", ["id"])]);
      if (current.status === "ARCHIVED")
        return failed([userError("ALREADY_ARCHIVED", "The product is already archived.", ["id"])]);
      return applyChanges(id, { status: "ARCHIVED" }, ["status"]);
    },

    async setVariantPrice(input: {
      variantId: string;
      price: MoneyInput;
      compareAtPrice?: MoneyInput | null;
    }): Promise<VariantResult> {
      const [current] = await repositories.variants.findByIds([input.variantId]);
      if (!current) return { variant: null, userErrors: [userError("NOT_FOUND", "No such variant.", ["variantId"])] };
      const errors = validatePricePair(input.price, input.compareAtPrice, []);
      const siblings = await repositories.variants.findByProductIds([current.productId]);
      if (errors.length === 0 && siblings.some((v) => v.id !== current.id && v.currency !== input.price.currency))
        errors.push(
          userError("CURRENCY_MISMATCH", "All variants of a product must use one currency.", ["price", "currency"]),
        );
      if (errors.length > 0) return { variant: null, userErrors: errors };
      const compareAtAmount = input.compareAtPrice?.amount ?? null;
      const unchanged =
        current.priceAmount === input.price.amount &&
        current.currency === input.price.currency &&
        current.compareAtAmount === compareAtAmount;
      if (unchanged) return { variant: current, userErrors: [] };
      const variant = await prisma.$transaction(async (tx) => {
        const updated = await createRepositories(tx).variants.setPrice(current.id, input.price, compareAtAmount);
        await recordPriceChanged(outbox, tx, updated);
        return updated;
      });
      return { variant, userErrors: [] };
    },
  };

  async function applyChanges(id: string, changes: ProductChanges, changedFields: string[]): Promise<ProductResult> {
    const { value, userErrors } = await write(async (tx) => {
      const repos = createRepositories(tx);
      const product = await repos.products.update(id, changes);
      await recordProductChanged(outbox, tx, await productState(repos, product), changedFields);
      return product;
    });
    return { product: value, userErrors };
  }
}

export type ProductService = ReturnType<typeof createProductService>;

async function productState<P extends { id: string }>(repos: ReturnType<typeof createRepositories>, product: P) {
  const [variants, assignments] = await Promise.all([
    repos.variants.findByProductIds([product.id]),
    repos.categories.findAssignments([product.id]),
  ]);
  return { product, variants, categoryIds: assignments.map((row) => row.categoryId) };
}
