// Opaque secret tokens (refresh, reset, authorization codes): 256 random bits, base64url. Only
// their SHA-256 is ever stored, so a leaked database or Redis dump yields no usable token.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

export const newSecretToken = () => randomBytes(32).toString("base64url");
export const newId = () => randomUUID();
export const sha256Hex = (value: string) => createHash("sha256").update(value).digest("hex");

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
