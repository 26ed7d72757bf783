/// <reference lib="dom" />
// The storefront in a real browser (Playwright driving Debian's Chromium at phone size) against
// the BUILT platform in production mode, where the router runs only registered documents:
// search with a facet → product page → basket as a guest → create an account on identity's page
// (authorization code + PKCE) → the guest basket merged → checkout → the confirmation page turns
// CONFIRMED by itself → order history. Then a declined card, a sold-out item, a subgraph outage,
// and accessibility. Screenshots of each step go to .test-output/storefront/.
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, startBuiltPlatform } from "../deploy/support/built-platform.js";
import { post, storefrontClient } from "../deploy/support/storefront-client.js";
import {
  explained,
  launchChromium,
  mobilePage,
  recordGraphqlTraffic,
  recordPageLog,
  type SentOperation,
  screenshot,
  seriousAccessibilityViolations,
} from "./support/browser.js";
import { type BuiltStorefront, startBuiltStorefront } from "./support/built-storefront.js";

let platform: BuiltPlatform;
let storefront: BuiltStorefront;
let browser: Browser;
let page: Page;
let traffic: SentOperation[];
let pageLog: () => string;
let product: { name: string; slug: string };
let scarceProduct: { name: string; slug: string };

const stockedProduct = (quantity: number) => storefrontClient(platform).createStockedProduct(quantity);

beforeAll(async () => {
  // Availability and order history have moved from the monolith (the strangler steps done): the
  // products and orders this test creates exist only in the new services.
  const rollout = path.join(mkdtempSync(path.join(tmpdir(), "rollout-")), "rollout.json");
  writeFileSync(
    rollout,
    JSON.stringify({ labels: { "legacy:variant-availability": 100, "legacy:order-history": 100 } }),
  );
  platform = await startBuiltPlatform({ routerEnv: { ROLLOUT_PATH: rollout } });
  [storefront, browser] = await Promise.all([startBuiltStorefront(platform), launchChromium()]);
  [product, scarceProduct] = [await stockedProduct(50), await stockedProduct(1)];
  page = await mobilePage(browser, storefront.url);
  traffic = recordGraphqlTraffic(page);
  pageLog = recordPageLog(page);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await storefront?.close();
  await platform?.close();
});

async function addToBasket(slug: string) {
  await page.goto(`/products/${slug}`);
  await explained(page, pageLog, async () => {
    await expect.poll(() => page.getByTestId("availability").textContent()).toMatch(/In stock|Only a few left/);
    await page.getByRole("button", { name: "Add to basket" }).click();
    await page.getByRole("status").filter({ hasText: "Added to your basket." }).waitFor();
  });
}

async function checkout(card: "Visa ending 4242 (test card)" | "Card that is declined (test card)") {
  await page.goto("/checkout");
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Address", { exact: true }).fill("1 Analytical St");
  await page.getByLabel("Town or city").fill("London");
  await page.getByLabel("Postcode").fill("N1 1AA");
  await page.getByLabel("Country code (e.g. GB)").fill("GB");
  await page.getByLabel(card).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/orders\/[^/]+$/);
}

const orderStatus = () => page.getByTestId("order-status").textContent();
const sentCount = (operationName: string) => traffic.filter((sent) => sent.operationName === operationName).length;

describe("a shopper in the storefront", () => {
  it("finds a product with a facet, fills a basket as a guest, signs up, and sees the order confirmed", async () => {
    await page.goto(`/search?q=${encodeURIComponent(product.name)}`);
    const results = page.getByRole("list", { name: "Search results" });
    await results.getByRole("link", { name: new RegExp(product.name) }).waitFor();
    await page.getByText("Filters", { exact: true }).click(); // collapsed at phone width
    const brandFacet = page.getByRole("group", { name: "Brand" }).getByRole("checkbox").first();
    await brandFacet.check();
    await expect.poll(() => page.url()).toMatch(/brand=/);
    await screenshot(page, "01-search-with-facet");
    await results.getByRole("link", { name: new RegExp(product.name) }).click();
    await page.waitForURL(new RegExp(`/products/${product.slug}$`));
    await addToBasket(product.slug);
    await screenshot(page, "02-product-added-as-guest");
    const guestCartToken = await page.evaluate(() => localStorage.getItem("shopstream.cartToken"));
    expect(guestCartToken).toBeTruthy();

    await page.goto("/cart");
    await page.getByRole("button", { name: "Sign in to check out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByRole("link", { name: "New here? Create an account" }).click();
    await page.getByLabel("Name").fill("Grace Shopper");
    await page.getByLabel("Email").fill(`browser-${randomUUID()}@example.com`);
    await page.getByLabel("Password").fill(`Browser-${randomUUID()}`);
    await screenshot(page, "03-identity-create-account");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/checkout$/);
    await expect.poll(() => page.getByTestId("cart-total").count()).toBe(1);
    // Merged: the guest's basket is now the account's, and the guest token is gone.
    expect(await page.evaluate(() => localStorage.getItem("shopstream.cartToken"))).toBeNull();
    await page.goto("/cart");
    await expect.poll(() => page.getByTestId("cart-line").count()).toBe(1);
    // Tokens are not where script can read them.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie);
    expect(stored).not.toMatch(/eyJ|ss_refresh/);

    const sentBefore = { status: sentCount("OrderStatus"), live: sentCount("OrderStatusChanged") };
    await checkout("Visa ending 4242 (test card)");
    await screenshot(page, "04-order-pending");
    await explained(page, pageLog, () => expect.poll(orderStatus, { timeout: 45_000 }).toBe("CONFIRMED"));
    await page.getByRole("heading", { name: "Your order is confirmed" }).waitFor();
    // Pushed by the subscription: the order was read once, never polled.
    expect(sentCount("OrderStatusChanged") - sentBefore.live).toBe(1);
    expect(sentCount("OrderStatus") - sentBefore.status).toBe(1);
    await screenshot(page, "05-order-confirmed");
    const orderId = await page.getByTestId("order-id").textContent();

    await page.goto("/orders");
    await page.getByTestId("order-row").first().waitFor();
    expect(await page.locator(`a[href="/orders/${orderId}"]`).count()).toBe(1);
    await screenshot(page, "06-order-history");
    // A reload keeps the shopper signed in (the refresh cookie is traded for a new access token).
    await page.reload();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
  });

  it("shows a declined card's message on the order page", async () => {
    await addToBasket(product.slug);
    await checkout("Card that is declined (test card)");
    await expect.poll(orderStatus, { timeout: 45_000 }).toBe("CANCELLED");
    expect(await page.getByTestId("cancellation").textContent()).toMatch(/card was declined/);
    await screenshot(page, "07-card-declined");
  });

  it("shows the rejection when the item sells out before it is reserved", async () => {
    await addToBasket(scarceProduct.slug);
    await page.goto("/cart");
    const quantity = page.getByTestId("cart-line").getByLabel("Quantity");
    await quantity.fill("2");
    await quantity.blur();
    await expect.poll(() => page.getByTestId("cart-line").getByLabel("Quantity").inputValue()).toBe("2");
    await checkout("Visa ending 4242 (test card)");
    await expect.poll(orderStatus, { timeout: 45_000 }).toBe("CANCELLED");
    expect(await page.getByTestId("cancellation").textContent()).toMatch(/sold out/);
    await screenshot(page, "08-sold-out");
  });

  it("degrades the product page when recommendations is down, and recovers with Try again", async () => {
    // A product never shown before, so the router's entity cache holds nothing for it.
    const unseen = await stockedProduct(5);
    await platform.stop("recommendations");
    try {
      // One query for the page; its recommendations part is deferred, so it comes as multipart/mixed.
      const pageAnswer = page.waitForResponse(
        (response) =>
          response.url().endsWith("/graphql") && response.request().postData()?.includes("ProductPage") === true,
      );
      await page.goto(`/products/${unseen.slug}`);
      expect((await pageAnswer).headers()["content-type"]).toMatch(
        /^multipart\/mixed; boundary="-"; deferSpec=20220824/,
      );
      await page.getByRole("heading", { name: unseen.name }).waitFor();
      const notice = page
        .getByRole("alert")
        .filter({ hasText: "Some of this page couldn't be loaded. Part of the shop is temporarily unavailable." });
      await notice.waitFor();
      expect(await page.getByRole("button", { name: "Add to basket" }).isEnabled()).toBe(true);
      expect(await page.content()).not.toMatch(/"extensions"|SUBGRAPH_UNAVAILABLE/);
      await screenshot(page, "09-recommendations-down");
    } finally {
      await platform.start("recommendations");
    }
    await page.getByRole("button", { name: "Try again" }).click();
    await expect.poll(() => page.getByRole("alert").count()).toBe(0);
  });

  it("has no serious accessibility violations on the main pages, at phone width", async () => {
    const problems: string[] = [];
    for (const path of [
      "/",
      `/search?q=${encodeURIComponent(product.name)}`,
      `/products/${product.slug}`,
      "/cart",
      "/orders",
    ]) {
      await page.goto(path);
      await page.getByRole("main").locator("h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      problems.push(...(await seriousAccessibilityViolations(page)).map((violation) => `${path} ${violation}`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${path} scrolls sideways by ${overflow}px at 375px`);
    }
    expect(problems).toEqual([]);
  });

  it("sent every operation by its registered id, and the production router refuses one it does not know", async () => {
    expect(traffic.length).toBeGreaterThan(10);
    expect(traffic.filter((sent) => sent.hasQueryText || !sent.hash)).toEqual([]);
    expect(traffic.flatMap((sent) => sent.errorCodes).filter((code) => code.startsWith("PERSISTED_QUERY"))).toEqual([]);
    const unknown = await post(platform.routerUrl, {
      operationName: "NotInTheApp",
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const text = await post(platform.routerUrl, { query: "query NotInTheApp { categories { id } }" });
    expect(text.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
  });

  it("signs out: a reload stays signed out and the refresh cookie is gone", async () => {
    await page.goto("/orders");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
    await page.reload();
    await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
    await page.goto("/orders");
    await page.getByRole("button", { name: "Sign in to see your orders" }).waitFor();
    const refresh = await page.evaluate(
      async () => (await fetch("/auth/refresh", { method: "POST", headers: { "x-storefront": "1" } })).status,
    );
    expect(refresh).toBe(401);
  });
});
