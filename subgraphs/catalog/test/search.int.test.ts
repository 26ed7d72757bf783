// Search ranking, typo tolerance and keyset paging, on products this file creates under a word
// nobody else uses (so the seed and parallel tests cannot disturb the assertions).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrand, createProduct, uniqueWord } from "./support/fixtures.js";
import { type GraphQLResponse, type Harness, startHarness } from "./support/harness.js";

const pageQuery = `
  query Page($search: String, $sort: ProductSort, $first: Int, $after: String) {
    products(search: $search, sort: $sort, first: $first, after: $after) {
      totalCount
      edges { cursor node { id name priceRange { min { amount } } createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

describe("product search", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("ranks an exact name match above a brand match above a description match", async () => {
    const word = uniqueWord();
    const plainBrand = await createBrand(harness.prisma);
    const wordBrand = await createBrand(harness.prisma, `${word} Studio`);
    const variants = [{ size: "M", colour: "Black", amount: 5000 }];
    // Created in reverse order of the expected ranking, so creation order cannot explain it.
    const inDescription = await createProduct(harness, {
      name: `Plain Coat ${uniqueWord()}`,
      description: `A coat that mentions ${word} once.`,
      brandId: plainBrand.id,
      variants,
    });
    const inBrand = await createProduct(harness, {
      name: `Plain Scarf ${uniqueWord()}`,
      brandId: wordBrand.id,
      variants,
    });
    const inName = await createProduct(harness, { name: `${word} Jacket`, brandId: plainBrand.id, variants });

    const result = await harness.gql(pageQuery, { search: word });
    expect(result.errors).toBeUndefined();
    const ids = result.data.products.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toEqual([inName.id, inBrand.id, inDescription.id]);
  });

  it("tolerates a typo in the name when nothing matches exactly", async () => {
    const word = uniqueWord();
    const brand = await createBrand(harness.prisma);
    const product = await createProduct(harness, {
      name: `${word} Leather Weekender`,
      brandId: brand.id,
      variants: [{ size: "One Size", colour: "Camel", amount: 19900 }],
    });
    const typo = `${word.slice(0, 6)}${word.slice(7)}`; // one letter left out, like "lether"
    const result = await harness.gql(pageQuery, { search: typo, first: 100 });
    const ids = result.data.products.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toContain(product.id);
  });

  describe("paging through a whole result set", () => {
    const word = uniqueWord();
    const created: string[] = [];
    beforeAll(async () => {
      const brand = await createBrand(harness.prisma);
      // 23 products, with repeated prices so that ties must be broken consistently.
      for (let i = 0; i < 23; i++) {
        const product = await createProduct(harness, {
          name: `${word} ${i % 3 === 0 ? `${word} Knit` : "Shirt"} ${i}`,
          brandId: brand.id,
          variants: [{ size: "M", colour: "Navy", amount: 1000 + (i % 5) * 500 }],
        });
        created.push(product.id);
      }
    });

    for (const sort of ["RELEVANCE", "PRICE_ASC", "PRICE_DESC", "NEWEST"] as const) {
      it(`${sort}: no duplicates, no gaps, order kept across pages`, async () => {
        const seen: Array<{ id: string; price: number; createdAt: string }> = [];
        let after: string | null = null;
        let pages = 0;
        do {
          const result: GraphQLResponse = await harness.gql(pageQuery, { search: word, sort, first: 4, after });
          expect(result.errors).toBeUndefined();
          const { edges, pageInfo, totalCount } = result.data.products;
          expect(totalCount).toBe(created.length);
          for (const { node } of edges)
            seen.push({ id: node.id, price: node.priceRange.min.amount, createdAt: node.createdAt });
          after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
          pages++;
        } while (after && pages < 20);

        expect(pages).toBe(6); // 23 rows in pages of 4
        expect(new Set(seen.map((row) => row.id)).size).toBe(seen.length);
        expect([...seen.map((row) => row.id)].sort()).toEqual([...created].sort());
        const prices = seen.map((row) => row.price);
        if (sort === "PRICE_ASC") expect(prices).toEqual([...prices].sort((a, b) => a - b));
        if (sort === "PRICE_DESC") expect(prices).toEqual([...prices].sort((a, b) => b - a));
        if (sort === "NEWEST") {
          const times = seen.map((row) => row.createdAt);
          expect(times).toEqual([...times].sort().reverse());
        }
      });
    }
  });
});
