// The rollout setting: each @override label's CURRENT percentage of traffic on the new subgraph.
// The SDL label is only an identifier ("legacy:variant-availability"); the percentage lives here
// so it can change at run time without recomposing. JSON shape, the same in the file and in
// Redis: { "labels": { "legacy:variant-availability": 25 },
//          "shadow": { "legacy:variant-availability": { "sample": 10, "ignore": ["Variant.id"] } } }.
import { z } from "zod";

const percent = z.number().min(0).max(100);

/** Shadow reads of one label (shadow/): a sample of its requests is also answered the other way. */
const shadowSetting = z.object({
  /** Percent of the requests touching the label that are compared (random, not sticky). */
  sample: percent,
  /** Fields ("Type.field") whose values may differ between the paths: internal ids, cursors. */
  ignore: z.array(z.string().regex(/^[_A-Za-z]\w*\.[_A-Za-z]\w*$/, 'expected "Type.field"')).default([]),
});

export const rolloutSchema = z.object({
  labels: z.record(z.string().min(1), percent).default({}),
  shadow: z.record(z.string().min(1), shadowSetting).default({}),
});

export type Rollout = z.infer<typeof rolloutSchema>;
export type ShadowSetting = z.infer<typeof shadowSetting>;

export const emptyRollout: Rollout = { labels: {}, shadow: {} };

const percentLabel = /^percent\((\d{1,2}(?:\.\d{1,8})?|100)\)$/;

/**
 * A label's percentage. Listed labels use the setting; an unlisted `percent(N)` label uses its N
 * (what stock Apollo Router would do); any other unlisted label stays on the legacy path (0).
 */
export function percentFor(rollout: Pick<Rollout, "labels">, label: string): number {
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
