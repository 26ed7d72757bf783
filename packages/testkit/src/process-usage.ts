// CPU and RSS of a process and all its descendants (cluster workers), read from Linux /proc the
// way pidusage does: utime+stime ticks from /proc/<pid>/stat, VmRSS from /proc/<pid>/status.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface Usage {
  cpuSeconds: number;
  rssBytes: number;
}

function processTable(): Map<number, { ppid: number; ticks: number }> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      table.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // exited while scanning
    }
  }
  return table;
}

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Usage of each root pid's tree, from one scan of /proc; `self` (the bench) without its children. */
export function usageOf(pids: Record<string, number>): Record<string, Usage> {
  const table = processTable();
  const result: Record<string, Usage> = {};
  for (const [name, pid] of Object.entries(pids)) {
    if (pid === process.pid) {
      result[name] = { cpuSeconds: (table.get(pid)?.ticks ?? 0) / TICKS_PER_SECOND, rssBytes: rssBytes(pid) };
      continue;
    }
    let ticks = 0;
    let rss = 0;
    const queue = [pid];
    while (queue.length > 0) {
      const current = queue.pop()!;
      const stat = table.get(current);
      if (!stat) continue;
      ticks += stat.ticks;
      rss += rssBytes(current);
      for (const [child, s] of table) if (s.ppid === current) queue.push(child);
    }
    result[name] = { cpuSeconds: ticks / TICKS_PER_SECOND, rssBytes: rss };
  }
  return result;
}

export interface ProcessFigures {
  cpuSeconds: number;
  cpuPercent: number;
  rssMaxMb: number;
}

/** Samples every second while a measurement runs; stop() gives CPU used and peak RSS per process. */
export function sampleUsage(pids: Record<string, number>) {
  const started = Date.now();
  const first = usageOf(pids);
  const peak: Record<string, number> = Object.fromEntries(Object.entries(first).map(([k, u]) => [k, u.rssBytes]));
  const timer = setInterval(() => {
    for (const [name, usage] of Object.entries(usageOf(pids))) peak[name] = Math.max(peak[name] ?? 0, usage.rssBytes);
  }, 1_000);
  return {
    stop(): Record<string, ProcessFigures> {
      clearInterval(timer);
      const seconds = (Date.now() - started) / 1000;
      const last = usageOf(pids);
      const figures: Record<string, ProcessFigures> = {};
      for (const name of Object.keys(pids)) {
        const cpu = (last[name]?.cpuSeconds ?? 0) - (first[name]?.cpuSeconds ?? 0);
        const rss = Math.max(peak[name] ?? 0, last[name]?.rssBytes ?? 0);
        figures[name] = {
          cpuSeconds: round(cpu, 1),
          cpuPercent: round((cpu / seconds) * 100, 0),
          rssMaxMb: round(rss / 1024 / 1024, 0),
        };
      }
      return figures;
    },
  };
}

export const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** User+system CPU seconds of a process and all its descendants. */
export function cpuSeconds(pid: number): number {
  return usageOf({ process: pid }).process!.cpuSeconds;
}
