/// <reference lib="dom" />
// Chromium for the storefront's browser tests: Debian's `chromium` (scripts/install puts it there;
// CHROMIUM_PATH overrides), driven by Playwright. Also: axe-core checks, step screenshots under
// .test-output/storefront/, and a recorder of every GraphQL request the app sends.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";

export const outputDir = path.resolve(import.meta.dirname, "../../../.test-output/storefront");

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  // Only this machine is reachable: any other host name (say, the seeded catalogue's image host)
  // does not resolve, inside the browser itself (request interception would slow every load).
  const onlyLoopback = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost";
  return chromium.launch({ executablePath, args: ["--no-sandbox", `--host-resolver-rules=${onlyLoopback}`] });
}

/** A phone-sized page (375 × 812), where most of the retailer's traffic is. */
export async function mobilePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 }, locale: "en-GB" });
  return context.newPage();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: path.join(outputDir, `${name}.png`), fullPage: true });
}

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Serious and critical axe-core violations on the page as it is now ("rule: target" lines). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

export interface SentOperation {
  operationName: string;
  hasQueryText: boolean;
  hash: string | undefined;
  errorCodes: string[];
}

/** Every /graphql request of the page's context as it is sent, with the error codes of its answer
 * once that has arrived (a subscription's stream only when it ends). */
export function recordGraphqlTraffic(page: Page): SentOperation[] {
  const sent: SentOperation[] = [];
  const byRequest = new WeakMap<object, SentOperation>();
  page.context().on("request", (request) => {
    if (!request.url().endsWith("/graphql") || request.method() !== "POST") return;
    const body = request.postDataJSON() as {
      operationName: string;
      query?: string;
      extensions?: { persistedQuery?: { sha256Hash?: string } };
    };
    const operation: SentOperation = {
      operationName: body.operationName,
      hasQueryText: typeof body.query === "string",
      hash: body.extensions?.persistedQuery?.sha256Hash,
      errorCodes: [],
    };
    byRequest.set(request, operation);
    sent.push(operation);
  });
  page.context().on("response", async (response) => {
    const operation = byRequest.get(response.request());
    if (!operation || response.headers()["content-type"]?.startsWith("multipart/")) return;
    const answer = (await response.json().catch(() => ({}))) as { errors?: Array<{ extensions?: { code?: string } }> };
    operation.errorCodes = (answer.errors ?? []).map((error) => error.extensions?.code ?? "UNKNOWN");
  });
  return sent;
}

/** The page's console and network (GraphQL answers with their status and time), newest last:
 * what a step that timed out leaves to explain itself. */
export function recordPageLog(page: Page): () => string {
  const lines: string[] = [];
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  page.on("console", (message) => lines.push(`${at()} console.${message.type()} ${message.text()}`));
  page.on("pageerror", (error) => lines.push(`${at()} pageerror ${error.message}`));
  page.on("requestfailed", (request) =>
    lines.push(`${at()} failed ${request.method()} ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on("response", async (response) => {
    const request = response.request();
    const timing = request.timing();
    const streamed = response.headers()["content-type"]?.includes("subscriptionSpec");
    const body = request.url().endsWith("/graphql") && !streamed ? await response.text().catch(() => "") : "";
    const operation =
      body || streamed ? ` ${(request.postDataJSON() as { operationName?: string })?.operationName}` : "";
    lines.push(
      `${at()} ${response.status()} ${request.method()} ${new URL(request.url()).pathname}${operation} ${streamed ? "(streaming)" : `${Math.round(timing.responseEnd)}ms`} ${body.slice(0, 300)}`,
    );
  });
  return () => lines.slice(-60).join("\n");
}

/** Runs a step; when it fails, the error carries the page's URL, visible text and recent log. */
export async function explained<T>(page: Page, log: () => string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const text = await page
      .locator("body")
      .innerText({ timeout: 2_000 })
      .catch(() => "(no body)");
    await screenshot(page, `failed-${Date.now()}`).catch(() => undefined);
    const detail = `${(error as Error).message}\nURL ${page.url()}\nPage text:\n${text}\nLog:\n${log()}`;
    throw Object.assign(new Error(detail), { stack: detail });
  }
}
