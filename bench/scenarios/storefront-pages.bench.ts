// `npm run bench storefront-pages`: page loads of the BUILT storefront in Chromium (Playwright,
// phone viewport) against the built platform in production mode (trusted documents, the router's
// entity cache), for home, search and a product page:
// - cold: a new browser context per load (empty HTTP cache, like a first visit);
// - warm: the same context reloaded (hashed assets from the HTTP cache, the router's caches warm);
// - idle, and at the peak of a "Black Friday" ramp: open-loop product-page and search traffic
//   through the router rising from 10 to PEAK_RPS (default 150) req/s, pages measured at the top.
// Per page: largest-contentful-paint and "content shown" (the page's data on screen), p50/p95 over
// BENCH_PAGE_LOADS (default 20) loads, beside the story's 0.8 s median. Writes
// bench/results/storefront-pages.md. Needs `npm run build` (run here first) and Debian's chromium.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext } from "@playwright/test";
import { type BuiltPlatform, startBuiltPlatform } from "@shopstream/e2e/deploy/built-platform";
import { post, registeredRequest } from "@shopstream/e2e/deploy/storefront-client";
import { launchChromium } from "@shopstream/e2e/storefront/browser";
import { startBuiltStorefront } from "@shopstream/e2e/storefront/built-storefront";
import { openLoop } from "../src/load/open-loop.js";
import { percentile } from "../src/load/stats.js";
import { resultsDir, root } from "../src/support/paths.js";

const loads = Number(process.env.BENCH_PAGE_LOADS ?? 20);
const peakRps = Number(process.env.PEAK_RPS ?? 150);
const storyMedianMs = 800;

interface PageLoad {
  lcpMs: number;
  contentMs: number;
}

/** One navigation; times are from navigation start, read inside the page. */
async function loadOnce(context: BrowserContext, url: string, content: string): Promise<PageLoad> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url, { waitUntil: "commit" });
  await page.locator(content).first().waitFor({ timeout: 30_000 });
  const contentMs = await page.evaluate(() => performance.now());
  await page.waitForLoadState("networkidle");
  const lcpMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]?.startTime ?? Number.NaN);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
  return { lcpMs, contentMs };
}

async function measurePage(browser: Browser, baseURL: string, url: string, content: string) {
  const cold: PageLoad[] = [];
  const warm: PageLoad[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 } });
    cold.push(await loadOnce(context, url, content));
    warm.push(await loadOnce(context, url, content));
    await context.close();
  }
  return { cold, warm };
}

const stat = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  );
const row = (label: string, samples: PageLoad[]) =>
  `| ${label} | ${stat(
    samples.map((s) => s.lcpMs),
    50,
  ).toFixed(0)} | ${stat(
    samples.map((s) => s.lcpMs),
    95,
  ).toFixed(0)} | ${stat(
    samples.map((s) => s.contentMs),
    50,
  ).toFixed(0)} | ${stat(
    samples.map((s) => s.contentMs),
    95,
  ).toFixed(0)} |`;

if (spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" }).status !== 0) process.exit(1);
let platform: BuiltPlatform | undefined;
const closers: Array<() => Promise<unknown>> = [];
try {
  platform = await startBuiltPlatform({
    routerEnv: { RATE_LIMIT_QUERIES: "100000000", RATE_LIMIT_MUTATIONS: "100000000" },
  });
  const storefront = await startBuiltStorefront(platform);
  closers.push(storefront.close);
  const browser = await launchChromium();
  closers.push(() => browser.close());
  const search = await post(platform.routerUrl, registeredRequest("SearchProducts", { search: "shirt" }));
  const slugs: string[] = search.data.products.edges.map((edge: { node: { slug: string } }) => edge.node.slug);
  if (slugs.length === 0) throw new Error(`no seeded products: ${JSON.stringify(search)}`);
  const pages = [
    { name: "home", url: "/", content: "ul[aria-label='Featured products'] li" },
    { name: "search", url: "/search?q=shirt", content: "ul[aria-label='Search results'] li" },
    { name: "product", url: `/products/${slugs[0]}`, content: "[data-testid='availability']" },
  ];

  const rows: string[] = [];
  const productLcp: Record<string, number> = {};
  let peakLoad = "";
  let idleSeconds = 0;
  for (const phase of ["idle", "peak"] as const) {
    const begun = performance.now();
    let load: ReturnType<typeof openLoop> | undefined;
    if (phase === "peak") {
      // Ramp for 30 s, then hold the peak about as long as the idle phase's measuring took.
      const rampSeconds = 30;
      let n = 0;
      load = openLoop({
        url: platform.routerUrl,
        seconds: rampSeconds + Math.ceil(idleSeconds * 1.2) + 5,
        rateAt: (t) => (t < rampSeconds ? 10 + ((peakRps - 10) * t) / rampSeconds : peakRps),
        body: () => {
          n += 1;
          return JSON.stringify(
            n % 3 === 0
              ? registeredRequest("SearchProducts", { search: "shirt" })
              : registeredRequest("ProductPage", { slug: slugs[n % slugs.length] }),
          );
        },
      });
      await new Promise((resolve) => setTimeout(resolve, rampSeconds * 1000));
    }
    for (const page of pages) {
      const { cold, warm } = await measurePage(browser, storefront.url, page.url, page.content);
      rows.push(row(`${page.name}, ${phase}, cold`, cold), row(`${page.name}, ${phase}, warm`, warm));
      console.log(rows.at(-2));
      console.log(rows.at(-1));
      if (page.name === "product") {
        productLcp[`${phase} p50`] = stat(
          cold.map((s) => s.lcpMs),
          50,
        );
        productLcp[`${phase} p95`] = stat(
          cold.map((s) => s.lcpMs),
          95,
        );
      }
    }
    if (phase === "idle") idleSeconds = (performance.now() - begun) / 1000;
    if (load) {
      const { figures, timeline } = await load;
      const held = timeline.filter((second) => second.offeredRps >= peakRps * 0.95);
      const heldRps = held.length ? held.reduce((sum, second) => sum + second.doneRps, 0) / held.length : 0;
      peakLoad = `Router under that load: ${figures.requests} requests, ${heldRps.toFixed(0)} req/s answered while the peak held, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, errors ${(figures.errorRate * 100).toFixed(1)} %.`;
      console.log(peakLoad);
    }
  }
  const report = [
    `Run ${new Date().toISOString()} · built storefront + built platform (production mode) on this machine · ${loads} loads per row · Chromium at 375×812`,
    `Peak: open-loop ProductPage/SearchProducts traffic through the router ramped 10 → ${peakRps} req/s over 30 s, pages measured while it holds. ${peakLoad}`,
    "",
    "| Page, load, cache | LCP p50 ms | LCP p95 ms | content shown p50 ms | content shown p95 ms |",
    "|---|--:|--:|--:|--:|",
    ...rows,
    "",
    `Story: the new platform's median page load was ${storyMedianMs} ms. Targets: product page LCP p50 ≤ 400 ms idle (now ${productLcp["idle p50"]?.toFixed(0)} ms, cold), p95 ≤ 1,500 ms at the peak (now ${productLcp["peak p95"]?.toFixed(0)} ms, cold).`,
    "",
  ].join("\n");
  writeFileSync(path.join(resultsDir, "storefront-pages.md"), report);
  console.log(report);
} finally {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await platform?.close();
}
process.exit(0);
