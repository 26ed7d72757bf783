// Strangler fig end to end: Variant.availability is served by the legacy monolith subgraph or by
// inventory (@override label "legacy:variant-availability"), per caller, by the rollout file the
// router watches. The two sides answer differently for the test's variant (legacy: IN_STOCK from
// its legacy_stock row; inventory: LOW_STOCK from 2 received units), so every response shows
// which subgraph served it.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createLogger, metricsRegistry } from "@shopstream/kernel";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { onNewPath } from "@shopstream/router/src/overrides/sticky-bucket";
import { waitFor } from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AVAILABILITY_LABEL as LABEL,
  LEGACY_ANSWER,
  NEW_ANSWER,
  startAvailabilityMigration,
} from "./support/availability-migration.js";
import {
  applyRollout,
  fieldMismatches as fieldMismatchesOf,
  inParallel,
  shadowReads as shadowReadsOf,
  shadowReadsSettled,
  subgraphFetches,
} from "./support/rollout-probes.js";

let migration: Awaited<ReturnType<typeof startAvailabilityMigration>>;
let router: RunningRouter;
let rolloutDir: string;
let rolloutFile: string;
let sku: string;
/** A variant both sides agree on: out of stock in legacy_stock and never received by inventory. */
let agreedSku: string;
/** The router's warnings and errors, one JSON line each (shadow-read mismatches are logged). */
const routerLog: string[] = [];

const setPercent = (percent: number) => writeFile(rolloutFile, JSON.stringify({ labels: { [LABEL]: percent } }));

beforeAll(async () => {
  migration = await startAvailabilityMigration();
  ({ disagreeing: sku, agreeing: agreedSku } = await migration.migratingProduct());
  rolloutDir = await mkdtemp(path.join(os.tmpdir(), "rollout-e2e-"));
  rolloutFile = path.join(rolloutDir, "rollout.json");
  await setPercent(25);
  router = await startRouter({
    supergraphSdl: migration.supergraphSdl,
    port: 0,
    identitySecret: migration.catalog.secret,
    subgraphConnections: 32,
    rollout: { file: rolloutFile },
    // Room for every sampled read of the test's 4 concurrent callers, and no load limit (the
    // subgraphs and this test share the router's process): none dropped.
    shadowReads: { maxInFlight: 32, maxEventLoopLoad: 1 },
    logger: createLogger("router-test", "warn", { write: (line: string) => void routerLog.push(line) }),
  });
}, 120_000);

afterAll(async () => {
  await router?.close();
  await migration?.close();
  if (rolloutDir) await rm(rolloutDir, { recursive: true, force: true });
});

const query = "query Availability($sku: String!) { variant(sku: $sku) { availability } }";

async function availability(headers: Record<string, string> = {}, ofSku = sku) {
  const response = await fetch(router.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables: { sku: ofSku }, operationName: "Availability" }),
  });
  const body = (await response.json()) as { data?: { variant: { availability: string } }; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body));
  return { answer: body.data.variant.availability, setCookie: response.headers.get("set-cookie") };
}

const servedBy = (answer: string) => (answer === NEW_ANSWER ? "new" : answer === LEGACY_ANSWER ? "legacy" : answer);

describe("progressive @override rollout through the router", () => {
  it("at 25 %, serves 25 ± 2 % of 10,000 anonymous visitors from the new subgraph, each from the side its decision chose", async () => {
    const visitors = Array.from({ length: 10_000 }, () => randomUUID());
    const answers = await inParallel(visitors.length, 32, (i) => availability({ "x-visitor-id": visitors[i]! }));
    const served = answers.map(({ answer }) => servedBy(answer));
    const expected = visitors.map((visitor) => (onNewPath(LABEL, `visitor:${visitor}`, 25) ? "new" : "legacy"));
    // Both label sets alternate on one warm plan cache; no response may come from the other side.
    expect(served.filter((side, i) => side !== expected[i])).toEqual([]);
    const newShare = (served.filter((side) => side === "new").length / visitors.length) * 100;
    expect(Math.abs(newShare - 25)).toBeLessThanOrEqual(2);
  }, 300_000);

  it("keeps a visitor on one side at a fixed percentage, by header or by the cookie the router sets", async () => {
    for (let i = 0; i < 20; i++) {
      const visitor = randomUUID();
      const sides = new Set<string>();
      for (let again = 0; again < 10; again++)
        sides.add(servedBy((await availability({ "x-visitor-id": visitor })).answer));
      expect(sides.size).toBe(1);
    }
    const first = await availability();
    const cookie = first.setCookie?.split(";")[0];
    expect(cookie).toMatch(/^ss_vid=[0-9a-f-]{36}$/);
    for (let again = 0; again < 10; again++) {
      const repeat = await availability({ cookie: cookie! });
      expect(repeat.answer).toBe(first.answer);
      expect(repeat.setCookie).toBeNull();
    }
  });

  it("rolls back to 0 within 1 s without a restart, and cuts over at 100", async () => {
    const visitors = Array.from({ length: 200 }, () => randomUUID());
    const sides = async () =>
      new Set(
        (await inParallel(visitors.length, 16, (i) => availability({ "x-visitor-id": visitors[i]! }))).map(
          ({ answer }) => servedBy(answer),
        ),
      );
    expect(await sides()).toEqual(new Set(["legacy", "new"]));
    const schema = router.schemaId();

    const started = performance.now();
    await setPercent(0);
    await waitFor(
      async () =>
        (await availability({ "x-visitor-id": visitors.find((v) => onNewPath(LABEL, `visitor:${v}`, 25))! })).answer ===
        LEGACY_ANSWER,
      {
        timeoutMs: 1_000,
        intervalMs: 20,
        what: "rollback to take effect",
      },
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1_000);
    expect(await sides()).toEqual(new Set(["legacy"]));

    await setPercent(100);
    // A visitor who was on legacy at 25 % now gets the new path: the setting is live...
    const legacyVisitor = visitors.find((v) => !onNewPath(LABEL, `visitor:${v}`, 25))!;
    await waitFor(async () => servedBy((await availability({ "x-visitor-id": legacyVisitor })).answer) === "new", {
      timeoutMs: 10_000,
      intervalMs: 20,
      what: "cut-over to take effect",
    });
    // ...for everyone.
    expect(await sides()).toEqual(new Set(["new"]));
    expect(router.schemaId()).toBe(schema); // same process, same schema: only the setting changed
    await setPercent(25);
  });

  it("counts decisions per label and path", async () => {
    const metrics = await metricsRegistry.getMetricsAsJSON();
    const decisions = metrics.find((metric) => metric.name === "router_override_decisions_total");
    const count = (side: string) =>
      decisions?.values.find((value) => value.labels.label === LABEL && value.labels.path === side)?.value ?? 0;
    expect(count("new")).toBeGreaterThan(2_000);
    expect(count("legacy")).toBeGreaterThan(7_000);
    const durations = metrics.find((metric) => metric.name === "router_override_request_duration_seconds");
    expect(durations?.values.some((value) => value.labels.label === LABEL && value.labels.path === "new")).toBe(true);
  });
});

const shadowReads = (primary: string, outcome: string) => shadowReadsOf(LABEL, primary, outcome);
const fieldMismatches = () => fieldMismatchesOf(LABEL, "Variant.availability");
const setRollout = (rollout: unknown) => applyRollout(rolloutFile, rollout, LABEL);
const settled = () => shadowReadsSettled(LABEL);
const fetches = subgraphFetches;

describe("shadow reads of a migrating field", () => {
  it("answers a sample along the other path too: a disagreement is a mismatch on exactly that field, logged with a diff, and the client's answer is unchanged", async () => {
    await setRollout({ labels: { [LABEL]: 0 }, shadow: { [LABEL]: { sample: 100 } } });
    const [mismatches, fields, matches] = [
      await shadowReads("legacy", "mismatch"),
      await fieldMismatches(),
      await shadowReads("legacy", "match"),
    ];
    const fetchesBefore = { catalog: await fetches("catalog"), inventory: await fetches("inventory") };
    // One at a time: identical anonymous queries in flight would share one execution (request dedup).
    const answers = await inParallel(20, 1, () => availability({ "x-visitor-id": randomUUID() }));
    expect(new Set(answers.map(({ answer }) => answer))).toEqual(new Set([LEGACY_ANSWER]));
    await waitFor(async () => (await shadowReads("legacy", "mismatch")) === mismatches + 20, {
      timeoutMs: 10_000,
      what: "20 shadow mismatches",
    });
    // The shadow re-sent only what its path does differently: inventory's fetch, not catalog's.
    expect((await fetches("catalog")) - fetchesBefore.catalog).toBe(20);
    expect((await fetches("inventory")) - fetchesBefore.inventory).toBe(20);
    expect(await fieldMismatches()).toBe(fields + 20);
    expect(await shadowReads("legacy", "match")).toBe(matches);
    const logged = routerLog.map((line) => JSON.parse(line)).filter((entry) => entry.msg === "shadow read mismatch");
    expect(logged.at(-1)).toMatchObject({
      label: LABEL,
      primary: "legacy",
      operationName: "Availability",
      fields: ["Variant.availability"],
      differences: [
        {
          path: ["variant", "availability"],
          field: "Variant.availability",
          primary: `"${LEGACY_ANSWER}"`,
          shadow: `"${NEW_ANSWER}"`,
        },
      ],
    });

    // Where both sides agree, a match; and at 100 % the legacy path is the shadow.
    await inParallel(10, 4, () => availability({ "x-visitor-id": randomUUID() }, agreedSku));
    await waitFor(async () => (await shadowReads("legacy", "match")) === matches + 10, {
      timeoutMs: 10_000,
      what: "10 matches",
    });
    await setRollout({ labels: { [LABEL]: 100 }, shadow: { [LABEL]: { sample: 100 } } });
    await waitFor(async () => (await availability({ "x-visitor-id": randomUUID() })).answer === NEW_ANSWER, {
      timeoutMs: 5_000,
      what: "the cut-over",
    });
    await waitFor(async () => (await shadowReads("new", "mismatch")) > 0, {
      timeoutMs: 10_000,
      what: "a mismatch with legacy as the shadow",
    });
    expect(await fieldMismatches()).toBeGreaterThan(fields + 20);
  });

  it("ignores the fields it is told to, samples the configured share of requests, and is off at 0", async () => {
    await setRollout({
      labels: { [LABEL]: 0 },
      shadow: { [LABEL]: { sample: 100, ignore: ["Variant.availability"] } },
    });
    const before = { match: await shadowReads("legacy", "match"), mismatch: await shadowReads("legacy", "mismatch") };
    await inParallel(10, 4, () => availability({ "x-visitor-id": randomUUID() }));
    await waitFor(async () => (await shadowReads("legacy", "match")) === before.match + 10, {
      timeoutMs: 10_000,
      what: "10 matches",
    });
    expect(await shadowReads("legacy", "mismatch")).toBe(before.mismatch);

    await setRollout({ labels: { [LABEL]: 0 }, shadow: { [LABEL]: { sample: 25 } } });
    const sampledBefore = await shadowReads("legacy", "mismatch");
    const droppedBefore = await shadowReads("legacy", "dropped");
    await inParallel(800, 4, () => availability({ "x-visitor-id": randomUUID() }));
    await settled();
    const dropped = (await shadowReads("legacy", "dropped")) - droppedBefore;
    const sampled = (await shadowReads("legacy", "mismatch")) - sampledBefore;
    // 25 % of 800 is 200; a binomial 4-sigma band is ±49 (a dropped read was sampled too).
    expect(sampled + dropped).toBeGreaterThan(150);
    expect(sampled + dropped).toBeLessThan(250);

    await setRollout({ labels: { [LABEL]: 0 }, shadow: { [LABEL]: { sample: 0 } } });
    const offBefore = await shadowReads("legacy", "mismatch");
    await inParallel(50, 4, () => availability({ "x-visitor-id": randomUUID() }));
    await settled();
    expect(await shadowReads("legacy", "mismatch")).toBe(offBefore);
    await setPercent(25);
  });
});
