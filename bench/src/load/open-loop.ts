// Constant arrival rate (open loop) with undici: requests are sent on a schedule given by
// rateAt(t) whether or not earlier ones have answered, so a slow system queues work the way real
// traffic does. Latency is measured from the scheduled send time (no coordinated omission).
// Requests still unanswered after the timeout, or beyond maxInFlight, count as errors.
import { Pool } from "undici";
import { isGraphQLFailure, type LoadFigures, percentile, summarize } from "./stats.js";

export interface Second {
  t: number;
  offeredRps: number;
  doneRps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
}

export async function openLoop(options: {
  url: string;
  seconds: number;
  rateAt(t: number): number;
  body(): string;
  timeoutMs?: number;
  maxInFlight?: number;
}): Promise<{ figures: LoadFigures; timeline: Second[] }> {
  const url = new URL(options.url);
  const pool = new Pool(url.origin, { connections: options.maxInFlight ?? 512, pipelining: 1 });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxInFlight = options.maxInFlight ?? 512;
  const buckets = Array.from({ length: Math.ceil(options.seconds) }, () => ({
    offered: 0,
    latencies: [] as number[],
    errors: 0,
  }));
  const latencies: number[] = [];
  let errors = 0;
  let inFlight = 0;
  const pending: Promise<void>[] = [];

  const send = async (scheduledAt: number, bucket: (typeof buckets)[number]) => {
    inFlight += 1;
    let failed = false;
    try {
      const response = await pool.request({
        path: url.pathname,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: options.body(),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      failed = isGraphQLFailure(response.statusCode, await response.body.text());
    } catch {
      failed = true;
    } finally {
      inFlight -= 1;
    }
    const latency = performance.now() - scheduledAt;
    latencies.push(latency);
    bucket.latencies.push(latency);
    if (failed) {
      errors += 1;
      bucket.errors += 1;
    }
  };

  const start = performance.now();
  let due = 0;
  let previous = 0;
  for (;;) {
    const elapsed = (performance.now() - start) / 1000;
    if (elapsed >= options.seconds) break;
    due += options.rateAt(elapsed) * (elapsed - previous); // arrivals owed since the last tick
    previous = elapsed;
    const bucket = buckets[Math.floor(elapsed)]!;
    while (due >= 1) {
      due -= 1;
      bucket.offered += 1;
      if (inFlight >= maxInFlight) {
        latencies.push(timeoutMs);
        bucket.latencies.push(timeoutMs);
        errors += 1;
        bucket.errors += 1;
        continue;
      }
      pending.push(send(performance.now(), bucket));
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(pending);
  await pool.close();
  const r1 = (n: number) => Math.round(n * 10) / 10;
  const timeline = buckets.map((b, t) => {
    const sorted = b.latencies.sort((x, y) => x - y);
    return {
      t,
      offeredRps: b.offered,
      doneRps: b.latencies.length - b.errors,
      p50Ms: r1(percentile(sorted, 50)),
      p95Ms: r1(percentile(sorted, 95)),
      p99Ms: r1(percentile(sorted, 99)),
      errors: b.errors,
    };
  });
  return { figures: summarize(latencies, errors, options.seconds), timeline };
}
