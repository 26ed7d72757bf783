// Replays every stock movement into a fresh projection and compares it with stock_level.
//   npx tsx subgraphs/inventory/src/cli/rebuild-projection.ts            compare only (exit 1 on drift)
//   npx tsx subgraphs/inventory/src/cli/rebuild-projection.ts --replace  also overwrite the drifted rows
import { runTask } from "@shopstream/kernel";
import { inventoryService } from "../app.js";
import { rebuildProjection } from "../services/projection-rebuild.js";

const replace = process.argv.includes("--replace");
await runTask(inventoryService, "rebuild projection", async ({ db }) => {
  const started = performance.now();
  const report = await rebuildProjection(db, { replace });
  const ms = Math.round(performance.now() - started);
  for (const mismatch of report.mismatches.slice(0, 20)) console.log(JSON.stringify(mismatch));
  if (report.mismatches.length > 0 && !replace) process.exitCode = 1;
  return JSON.stringify({
    movements: report.movements,
    rows: report.rows,
    mismatches: report.mismatches.length,
    replaced: replace,
    ms,
  });
});
