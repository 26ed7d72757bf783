// Latency percentiles and the figures every scenario reports.

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface LoadFigures {
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errorRate: number;
}

export function summarize(latencies: number[], errors: number, seconds: number): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const requests = latencies.length;
  const r1 = (n: number) => Math.round(n * 10) / 10;
  return {
    requests,
    rps: r1(requests / seconds),
    p50Ms: r1(percentile(sorted, 50)),
    p95Ms: r1(percentile(sorted, 95)),
    p99Ms: r1(percentile(sorted, 99)),
    errorRate: requests === 0 ? 1 : Math.round((errors / requests) * 10_000) / 10_000,
  };
}

/** A 2xx answer with no GraphQL errors and no userErrors counts as success. */
export function isGraphQLFailure(status: number, text: string): boolean {
  return status < 200 || status >= 300 || text.includes('"errors":[{') || /"userErrors":\[\{/.test(text);
}
