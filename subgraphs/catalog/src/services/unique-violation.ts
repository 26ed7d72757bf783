import { Prisma } from "../../../../prisma/catalog/generated/client/index.js";

/**
 * The fields of a unique constraint a write violated, or null. Pre-checks catch the usual case;
 * this catches the race where two writers claim the same slug or sku at once.
 */
export function uniqueViolation(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const target = error.meta?.target;
  if (Array.isArray(target)) return target.map(String);
  // Driver adapters report the constraint in a different shape; fall back to its message.
  return [String(target ?? error.message)];
}
