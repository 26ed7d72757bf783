// The rollout setting: each @override label's CURRENT percentage of traffic on the new subgraph.
// The SDL label is only an identifier ("legacy:variant-availability"); the percentage lives here
// so it can change at run time without recomposing. JSON shape, the same in the file and in
// Redis: { "labels": { "legacy:variant-availability": 25 } }.
import { z } from "zod";

const percent = z.number().min(0).max(100);

export const rolloutSchema = z.object({
  labels: z.record(z.string().min(1), percent).default({}),
});

export type Rollout = z.infer<typeof rolloutSchema>;

export const emptyRollout: Rollout = { labels: {} };

const percentLabel = /^percent\((\d{1,2}(?:\.\d{1,8})?|100)\)$/;

/**
 * A label's percentage. Listed labels use the setting; an unlisted `percent(N)` label uses its N
 * (what stock Apollo Router would do); any other unlisted label stays on the legacy path (0).
 */
export function percentFor(rollout: Rollout, label: string): number {
  const configured = rollout.labels[label];
  if (configured !== undefined) return configured;
  const match = percentLabel.exec(label);
  return match ? Number(match[1]) : 0;
}

/** Parses JSON text; throws with a readable message when the shape is wrong. */
export function parseRollout(text: string): Rollout {
  const parsed = rolloutSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`invalid rollout setting: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
