// The monolith's order history as plain data: about 40,000 orders from January 2022 to October
// 2026 for the seeded shoppers (alice and bob) and 4,000 customers who only ever used the
// monolith. Deterministic (one PRNG seed), items from the seeded catalog, amounts as the
// monolith computed them (decimals, 19 % tax, free standard shipping from 100.00).
import { generateSeedCatalog, prng } from "@shopstream/seed-catalog";
import type { LegacyOrderRow } from "../repositories/legacy-order-repository.js";

export const historyCustomers = (): string[] => [
  "usr_alice",
  "usr_bob",
  ...Array.from({ length: 4_000 }, (_, n) => `usr_m${String(n + 1).padStart(5, "0")}`),
];

const firstOrderNo = 100_000;
const from = Date.UTC(2022, 0, 1);
const until = Date.UTC(2026, 9, 31);
const cities = [
  ["Berlin", "10115", "DE"],
  ["Hamburg", "20095", "DE"],
  ["Vienna", "1010", "AT"],
  ["Amsterdam", "1012", "NL"],
  ["Paris", "75001", "FR"],
  ["Milan", "20121", "IT"],
] as const;
const firstNames = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Jonas", "Lea", "Noah"];
const lastNames = ["Becker", "Fischer", "Hofmann", "Klein", "Meyer", "Richter", "Schulz", "Wagner"];
const streets = ["Hauptstraße", "Lindenallee", "Marktplatz", "Rosenweg", "Bahnhofstraße", "Kirchgasse"];

const cents = (amount: number) => (amount / 100).toFixed(2);

export function planOrderHistory(): LegacyOrderRow[] {
  const random = prng(20220101);
  const catalog = generateSeedCatalog();
  const variants = catalog.variants;
  const products = new Map(catalog.products.map((product) => [product.id, product.name]));
  // n distinct variants (sampling by sorting all 6,000 per order would cost minutes).
  const pickVariants = (n: number) => {
    const picked = new Set<(typeof variants)[number]>();
    while (picked.size < n) picked.add(random.pick(variants));
    return [...picked];
  };
  const orders: LegacyOrderRow[] = [];
  for (const custId of historyCustomers()) {
    const count = custId.startsWith("usr_m") ? random.int(2, 18) : 120;
    const [city, zip, country] = random.pick(cities);
    const address = `${random.pick(streets)} ${random.int(1, 99)}`;
    const name = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
    for (let n = 0; n < count; n++) {
      const created = new Date(from + Math.floor(random.next() * (until - from)));
      const items = pickVariants(random.int(1, 4)).map((variant, index) => ({
        lineNo: index + 1,
        skuId: variant.id,
        skuCode: variant.sku,
        prodId: variant.productId,
        prodName: products.get(variant.productId) ?? variant.sku,
        qty: random.int(1, 3),
        unitPrice: variant.priceAmount,
      }));
      const subtotal = items.reduce((sum, item) => sum + item.qty * item.unitPrice, 0);
      const express = random.next() < 0.15;
      const shipping = express ? 1495 : subtotal >= 10_000 ? 0 : 495;
      const tax = Math.round((subtotal * 19) / 100);
      const roll = random.next();
      const status = roll < 0.86 ? "D" : roll < 0.93 ? "X" : roll < 0.96 ? "F" : roll < 0.98 ? "S" : "P";
      orders.push({
        orderNo: 0,
        custId,
        ordStatus: status,
        currCd: "EUR",
        subAmt: cents(subtotal),
        shipAmt: cents(shipping),
        taxAmt: cents(tax),
        totAmt: cents(subtotal + shipping + tax),
        shipVia: express ? "EXP" : "STD",
        shipName: name,
        shipAddr1: address,
        shipAddr2: null,
        shipCity: city,
        shipZip: zip,
        shipCtry: country,
        createdTs: created,
        modifiedTs: new Date(created.getTime() + random.int(1, 20) * 86_400_000),
        items: items.map((item) => ({ ...item, unitPrice: cents(item.unitPrice) })),
      });
    }
  }
  // Numbered in time order, as the monolith's sequence numbered them.
  orders.sort((a, b) => a.createdTs.getTime() - b.createdTs.getTime());
  return orders.map((order, index) => ({ ...order, orderNo: firstOrderNo + index }));
}
