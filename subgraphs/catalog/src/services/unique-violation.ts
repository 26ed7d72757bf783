import { Prisma } from "../db.js";

// Unique indexes a racing writer can hit after the pre-checks passed, and the input field at fault.
const fieldByIndex: Record<string, string[]> = {
  product_slug_key: ["slug"],
  variant_sku_key: ["variants"],
};

/**
 * The input field whose unique constraint a write violated, or null. Pre-checks catch the usual
 * case; this catches two writers claiming the same slug or sku at once.
 */
export function uniqueViolation(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  // With driver adapters the violated index is reported under meta.driverAdapterError.
  const meta = error.meta as { driverAdapterError?: { cause?: { constraint?: { index?: string } } } } | undefined;
  const index = meta?.driverAdapterError?.cause?.constraint?.index ?? "";
  return fieldByIndex[index] ?? ["input"];
}
