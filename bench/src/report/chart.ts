// A hand-written SVG line chart: p95 latency per second of the Black Friday ramp for each system
// (log scale), with the offered arrival rate as a grey step line on the right axis.
import type { Measurement } from "./results.js";

const colours: Record<string, string> = { stock: "#d62728", router: "#1f77b4", hive: "#ff7f0e", baseline: "#2ca02c" };

export function blackFridayChart(measurements: Measurement[]): string {
  const runs = measurements.filter((m) => m.scenario === "black friday" && m.timeline?.length);
  const width = 900;
  const height = 440;
  const pad = { left: 70, right: 70, top: 40, bottom: 50 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const seconds = Math.max(1, ...runs.map((m) => m.timeline!.length));
  const latencies = runs.flatMap((m) => m.timeline!.map((s) => s.p95Ms)).filter((v) => Number.isFinite(v) && v > 0);
  const minLog = Math.floor(Math.log10(Math.max(0.5, Math.min(1, ...latencies))));
  const maxLog = Math.ceil(Math.log10(Math.max(10, ...latencies)));
  const maxRate = Math.max(1, ...runs.flatMap((m) => m.timeline!.map((s) => s.offeredRps)));
  const x = (t: number) => pad.left + (t / seconds) * plotW;
  const y = (ms: number) =>
    pad.top + plotH - ((Math.log10(Math.max(ms, 10 ** minLog)) - minLog) / (maxLog - minLog)) * plotH;
  const yRate = (rps: number) => pad.top + plotH - (rps / maxRate) * plotH;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15">Black Friday ramp: p95 latency per second (log scale)</text>`,
  ];
  for (let e = minLog; e <= maxLog; e++) {
    parts.push(
      `<line x1="${pad.left}" x2="${pad.left + plotW}" y1="${y(10 ** e)}" y2="${y(10 ** e)}" stroke="#ddd"/>`,
      `<text x="${pad.left - 8}" y="${y(10 ** e) + 4}" text-anchor="end">${10 ** e} ms</text>`,
    );
  }
  for (let t = 0; t <= seconds; t += Math.max(5, Math.ceil(seconds / 10 / 5) * 5)) {
    parts.push(`<text x="${x(t)}" y="${pad.top + plotH + 18}" text-anchor="middle">${t}s</text>`);
  }
  for (const fraction of [0, 0.5, 1]) {
    parts.push(
      `<text x="${pad.left + plotW + 8}" y="${yRate(maxRate * fraction) + 4}" fill="#888">${Math.round(maxRate * fraction)} rps</text>`,
    );
  }
  parts.push(
    `<rect x="${pad.left}" y="${pad.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
    `<text x="${width / 2}" y="${height - 10}" text-anchor="middle">seconds since start of the ramp scenario</text>`,
  );
  const offered = runs[0]?.timeline ?? [];
  if (offered.length)
    parts.push(
      `<polyline fill="none" stroke="#aaa" stroke-dasharray="4 3" points="${offered.map((s) => `${x(s.t).toFixed(1)},${yRate(s.offeredRps).toFixed(1)} ${x(s.t + 1).toFixed(1)},${yRate(s.offeredRps).toFixed(1)}`).join(" ")}"/>`,
    );
  runs.forEach((m, i) => {
    const points = m
      .timeline!.filter((s) => Number.isFinite(s.p95Ms))
      .map((s) => `${x(s.t + 0.5).toFixed(1)},${y(s.p95Ms).toFixed(1)}`)
      .join(" ");
    const colour = colours[m.system] ?? "#000";
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points}"/>`,
      `<rect x="${pad.left + 10}" y="${pad.top + 10 + i * 18}" width="12" height="3" fill="${colour}"/>`,
      `<text x="${pad.left + 28}" y="${pad.top + 15 + i * 18}">${m.label}</text>`,
    );
  });
  parts.push(
    `<text x="${pad.left + 28}" y="${pad.top + 15 + runs.length * 18}" fill="#888">offered arrival rate (right axis)</text>`,
    "</svg>",
  );
  return `${parts.join("\n")}\n`;
}
