// The markdown table of a run: every scenario × system, with ratios to stock ApolloGateway.
import type { Measurement, RunResults } from "./results.js";

const notSubgraphs = new Set(["gateway", "load generator"]);
const subgraphNamesOf = (m: Measurement) => Object.keys(m.processes).filter((name) => !notSubgraphs.has(name));

function ratio(value: number, reference: number | undefined): string {
  if (!reference || !Number.isFinite(value) || !Number.isFinite(reference)) return "–";
  return `${(value / reference).toFixed(2)}×`;
}

const fmt = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "–" : String(n));

export function markdownTable(results: RunResults): string {
  const lines = [
    "| Scenario | System | RPS | p50 ms | p95 ms | p99 ms | errors | RPS vs stock | p99 vs stock | gateway CPU % | gateway RSS MB | subgraphs CPU % |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  const scenarios = [...new Set(results.measurements.map((m) => m.scenario))];
  for (const scenario of scenarios) {
    const rows = results.measurements.filter((m) => m.scenario === scenario);
    const stock = rows.find((m) => m.system === "stock");
    for (const m of rows) {
      if (m.failure) {
        lines.push(`| ${scenario} | ${m.label} | failed: ${m.failure.slice(0, 80)} |||||||||||`);
        continue;
      }
      const subgraphsCpu = subgraphNamesOf(m).reduce((sum, name) => sum + (m.processes[name]?.cpuPercent ?? 0), 0);
      lines.push(
        `| ${scenario} | ${m.label} | ${m.rps} | ${fmt(m.p50Ms)} | ${fmt(m.p95Ms)} | ${fmt(m.p99Ms)} | ${(m.errorRate * 100).toFixed(1)} % | ${ratio(m.rps, stock?.rps)} | ${ratio(m.p99Ms, stock?.p99Ms)} | ${fmt(m.processes.gateway?.cpuPercent)} | ${fmt(m.processes.gateway?.rssMaxMb)} | ${subgraphsCpu} |`,
      );
    }
  }
  return lines.join("\n");
}

export function confirmationTable(measurements: Measurement[]): string {
  const rows = measurements.filter((m) => m.confirmations);
  if (rows.length === 0) return "";
  return [
    "| Checkout via | orders placed | confirmed | placed→confirmed p50 ms | p95 ms | p99 ms |",
    "|---|--:|--:|--:|--:|--:|",
    ...rows.map((m) => {
      const c = m.confirmations!;
      return `| ${m.label} | ${c.placed} | ${c.confirmed} | ${fmt(c.p50Ms)} | ${fmt(c.p95Ms)} | ${fmt(c.p99Ms)} |`;
    }),
  ].join("\n");
}

export function processTable(measurements: Measurement[], scenario: string): string {
  const rows = measurements.filter((m) => m.scenario === scenario && !m.failure);
  if (rows.length === 0) return "";
  const names = ["gateway", ...subgraphNamesOf(rows[0]!), "load generator"];
  return [
    `| ${scenario}: CPU % / peak RSS MB | ${names.join(" | ")} |`,
    `|---|${names.map(() => "--:").join("|")}|`,
    ...rows.map(
      (m) =>
        `| ${m.label} | ${names.map((n) => (m.processes[n] ? `${m.processes[n]!.cpuPercent} / ${m.processes[n]!.rssMaxMb}` : "–")).join(" | ")} |`,
    ),
  ].join("\n");
}

export function reportMarkdown(results: RunResults): string {
  const load = results.loadAverageAtStart.map((n) => n.toFixed(2)).join(", ");
  return [
    `Run ${results.date} · ${results.cores} cores · ${results.workers} gateway worker(s) · load average at start ${load}${results.quick ? " · QUICK smoke run (figures indicative only)" : ""} · ${Math.round(results.totalSeconds)} s in all`,
    "",
    markdownTable(results),
    "",
    confirmationTable(results.measurements),
    "",
    processTable(results.measurements, "black friday"),
    "",
  ].join("\n");
}
