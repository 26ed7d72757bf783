// Decides, for one request, every @override label its operation touches: on the new subgraph or
// still on legacy. The labels per field come from the supergraph and the labels per operation are
// cached per schema version, so the hot path is one cache lookup and one hash per touched label.
import type { DocumentNode } from "graphql";
import { BoundedCache } from "../supergraph/bounded-cache.js";
import type { SchemaVersion } from "../supergraph/schema-version.js";
import { type LabelsByField, labelsTouched, overrideLabelsByField } from "./override-labels.js";
import { percentFor, type Rollout } from "./rollout-settings.js";
import { onNewPath } from "./sticky-bucket.js";

export type OverridePath = "new" | "legacy";

export interface OverrideDecision {
  label: string;
  path: OverridePath;
  percent: number;
}

interface VersionLabels {
  byField: LabelsByField;
  byOperation: BoundedCache<string, string[]>;
}

const perVersion = new WeakMap<SchemaVersion, VersionLabels>();

function labelsOf(version: SchemaVersion): VersionLabels {
  let labels = perVersion.get(version);
  if (!labels) {
    labels = { byField: overrideLabelsByField(version.supergraph), byOperation: new BoundedCache(2_000) };
    perVersion.set(version, labels);
  }
  return labels;
}

/** Labels the operation touches (sorted), cached per schema version and operation. */
export function operationLabels(
  version: SchemaVersion,
  query: string,
  operationName: string | undefined,
  document: DocumentNode,
): string[] {
  const labels = labelsOf(version);
  if (labels.byField.size === 0) return [];
  const key = `${operationName ?? ""}\u0000${query}`;
  let touched = labels.byOperation.get(key);
  if (!touched) {
    touched = labelsTouched(version.apiGraphQLSchema, labels.byField, document, operationName);
    labels.byOperation.set(key, touched);
  }
  return touched;
}

export function decideLabels(
  labels: readonly string[],
  callerId: string,
  rollout: Pick<Rollout, "labels">,
): OverrideDecision[] {
  return labels.map((label) => {
    const percent = percentFor(rollout, label);
    return { label, percent, path: onNewPath(label, callerId, percent) ? "new" : "legacy" };
  });
}
