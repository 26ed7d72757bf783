// Products and what hangs off them (categories, images). Variants have their own repository.
import type { Prisma, Product, ProductStatus } from "../../../../prisma/catalog/generated/client/index.js";
import type { Db } from "./db-client.js";

export type { Product, ProductStatus };

export interface NewProduct {
  slug: string;
  name: string;
  description: string;
  brandId: string;
  status: ProductStatus;
  categoryIds: string[];
  images: Array<{ url: string; alt: string }>;
  variants: Array<{
    sku: string;
    size: string;
    colour: string;
    priceAmount: number;
    compareAtAmount: number | null;
    currency: string;
  }>;
}

export interface ProductChanges {
  slug?: string;
  name?: string;
  description?: string;
  brandId?: string;
  status?: ProductStatus;
  categoryIds?: string[];
  images?: Array<{ url: string; alt: string }>;
}

const withPosition = <T>(items: T[]) => items.map((item, position) => ({ ...item, position }));

export function createProductRepository(db: Db) {
  return {
    findByIds: (ids: readonly string[]) => db.product.findMany({ where: { id: { in: [...ids] } } }),

    findBySlugs: (slugs: readonly string[]) => db.product.findMany({ where: { slug: { in: [...slugs] } } }),

    async create(product: NewProduct): Promise<Product> {
      const { categoryIds, images, variants, ...fields } = product;
      return db.product.create({
        data: {
          ...fields,
          categories: { create: categoryIds.map((categoryId) => ({ categoryId })) },
          images: { create: withPosition(images) },
          variants: { create: withPosition(variants) },
        },
      });
    },

    async update(id: string, changes: ProductChanges): Promise<Product> {
      const { categoryIds, images, ...fields } = changes;
      const data: Prisma.ProductUpdateInput = { ...fields };
      if (categoryIds) data.categories = { deleteMany: {}, create: categoryIds.map((categoryId) => ({ categoryId })) };
      if (images) data.images = { deleteMany: {}, create: withPosition(images) };
      return db.product.update({ where: { id }, data });
    },
  };
}

export type ProductRepository = ReturnType<typeof createProductRepository>;
