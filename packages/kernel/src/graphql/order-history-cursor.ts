// The cursor of a customer's order history (newest first): placedAt and id, base64url. Both paths
// of the order-history migration (legacy and orders) read and write it, so a customer whose reads
// move between them mid-pagination carries on where they were.
import { badUserInput } from "./errors.js";

export const encodeOrderHistoryCursor = (order: { placedAt: Date; id: string }) =>
  Buffer.from(`${order.placedAt.toISOString()}|${order.id}`).toString("base64url");

export function decodeOrderHistoryCursor(cursor: string): { placedAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const placedAt = new Date(time ?? "");
  if (!id || Number.isNaN(placedAt.getTime())) throw badUserInput("Invalid cursor.", { argument: "after" });
  return { placedAt, id };
}
