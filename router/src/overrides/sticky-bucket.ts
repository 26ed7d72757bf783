// Sticky percentage split. The bucket depends only on the label and the caller (signed-in user
// id, else the anonymous visitor id), so a caller keeps the same path while the percentage is
// fixed, and raising the percentage only moves callers from legacy to new (never back and forth).
// Hashing the label in too gives each label an independent split.
import { createHash } from "node:crypto";

export const BUCKETS = 10_000;

export function bucketOf(label: string, callerId: string): number {
  const digest = createHash("sha256").update(`${label}:${callerId}`).digest();
  return digest.readUInt32BE(0) % BUCKETS;
}

/** True when this caller is on the overriding (new) subgraph for this label. */
export function onNewPath(label: string, callerId: string, percent: number): boolean {
  if (percent <= 0) return false;
  if (percent >= 100) return true;
  return bucketOf(label, callerId) < Math.round(percent * (BUCKETS / 100));
}
