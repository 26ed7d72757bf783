// Replays every stock movement into a fresh projection and compares it with stock_level.
//   npx tsx subgraphs/inventory/src/cli/rebuild-projection.ts            compare only (exit 1 on drift)
//   npx tsx subgraphs/inventory/src/cli/rebuild-projection.ts --replace  also overwrite the drifted rows
import { createPrisma } from "../db.js";
import { loadInventoryEnv } from "../env.js";
import { rebuildProjection } from "../services/projection-rebuild.js";

const replace = process.argv.includes("--replace");
const prisma = createPrisma(loadInventoryEnv());
try {
  const started = performance.now();
  const report = await rebuildProjection(prisma, { replace });
  const ms = Math.round(performance.now() - started);
  console.log(
    JSON.stringify({
      movements: report.movements,
      rows: report.rows,
      mismatches: report.mismatches.length,
      replaced: replace,
      ms,
    }),
  );
  for (const mismatch of report.mismatches.slice(0, 20)) console.log(JSON.stringify(mismatch));
  process.exitCode = report.mismatches.length > 0 && !replace ? 1 : 0;
} finally {
  await prisma.$disconnect();
}
