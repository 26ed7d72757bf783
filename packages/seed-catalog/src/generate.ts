// The seed catalog as plain data, generated from a fixed PRNG seed: the same every run, so
// seeding twice changes nothing and tests/benchmarks see the same catalog everywhere.
import { createHash } from "node:crypto";
import { slugify } from "@shopstream/kernel";
import * as words from "./vocabulary.js";

export const seedCounts = { products: 520 };

/** A stable uuid-shaped id derived from a name, so re-runs address the same rows. */
export function seedId(kind: string, key: string | number): string {
  const hex = createHash("sha1").update(`shopstream:catalog:${kind}:${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32: tiny, fast, and deterministic across platforms (the legacy order history uses it too). */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const sample = <T>(items: readonly T[], n: number) => [...items].sort(() => next() - 0.5).slice(0, n);
  return { next, int, pick, sample };
}

/** Prices end in ,95 or ,00 like real price tags; amounts are cents. */
const priceTag = (euros: number, cents: 95 | 0) => euros * 100 + cents - (cents === 95 ? 100 : 0);

export function generateSeedCatalog() {
  const random = prng(20261123);
  const brands = words.brandNames.map((name) => ({ id: seedId("brand", name), slug: slugify(name), name }));
  const categoryId = (slug: string) => seedId("category", slug);
  const categories = words.categorySpecs.map((spec, position) => ({
    id: categoryId(spec.slug),
    slug: spec.slug,
    name: spec.name,
    parentId: spec.parent ? categoryId(spec.parent) : null,
    position,
  }));
  const leaves = words.categorySpecs.filter((spec) => spec.nouns);
  const epoch = Date.UTC(2026, 10, 1);
  const slugs = new Set<string>();
  const products = [];
  const variants = [];
  const images = [];
  const assignments = [];

  for (let index = 0; index < seedCounts.products; index++) {
    const category = leaves[index % leaves.length]!;
    const brand = random.pick(brands);
    const material = random.pick(words.materials);
    const noun = random.pick(category.nouns!);
    const name = `${random.pick(words.styleNames)} ${material} ${noun}`;
    let slug = slugify(`${brand.name} ${name}`);
    if (slugs.has(slug)) slug = `${slug}-${index}`;
    slugs.add(slug);
    const id = seedId("product", index);
    const fit = random.pick(words.fits);
    const description =
      `A ${fit} ${noun.toLowerCase()} in ${material.toLowerCase()}, made for ${random.pick(words.occasions)}. ` +
      `${random.pick(words.careNotes)}`;
    const createdAt = new Date(epoch - index * 3_600_000 * 13);
    // A few drafts and archived products keep the status filter honest.
    const status = index % 97 === 0 ? "ARCHIVED" : index % 89 === 0 ? "DRAFT" : "ACTIVE";
    products.push({ id, slug, name, description, brandId: brand.id, status, createdAt, updatedAt: createdAt } as const);
    assignments.push({ productId: id, categoryId: categoryId(category.slug) });
    images.push(
      ...[1, 2].map((n) => ({
        id: seedId("image", `${index}:${n}`),
        productId: id,
        url: `https://images.shopstream.example/products/${slug}/${n}.jpg`,
        alt: `${name} by ${brand.name}`,
        position: n - 1,
      })),
    );
    const [low, high] = category.price!;
    const price = priceTag(random.int(low, high), random.next() < 0.7 ? 95 : 0);
    const compareAt = random.next() < 0.2 ? Math.round((price * 1.3) / 100) * 100 : null;
    const sizes = words.sizeRuns[category.sizes!];
    const colourCount = category.sizes === "one" ? random.int(2, 4) : random.int(2, 3);
    let position = 0;
    for (const colour of random.sample(words.colours, colourCount)) {
      for (const size of sizes) {
        const sizeCode = size === "One Size" ? "OS" : size;
        const colourCode = slugify(colour).toUpperCase();
        variants.push({
          id: seedId("variant", `${index}:${colour}:${size}`),
          productId: id,
          sku: `SS-${String(index).padStart(4, "0")}-${colourCode}-${sizeCode}`,
          size,
          colour,
          priceAmount: price,
          compareAtAmount: compareAt,
          currency: "EUR",
          position: position++,
          createdAt,
          updatedAt: createdAt,
        });
      }
    }
  }
  return { brands, categories, products, variants, images, assignments };
}

export type SeedCatalog = ReturnType<typeof generateSeedCatalog>;
