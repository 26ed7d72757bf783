// `npm run orders:backfill -- [--run <name>] [--batch-size <n>] [--rate <orders/s>] [--dry-run] [--restart]`:
// copies the monolith's order history into the orders domain (services/legacy-backfill.ts). Runs on
// the orders service's built definition (its environment rules and database); the monolith's
// database comes from LEGACY_PG* (backfill-env.ts). Progress goes to stderr, one line per batch.
import { parseArgs } from "node:util";
import { createPgPool, exitOnEnvError, parseEnv, runTask } from "@shopstream/kernel";
import { ordersService } from "./app.js";
import { legacySourceEnvShape } from "./backfill-env.js";
import { ordersEnvShape } from "./env.js";
import { legacyOrderSource } from "./repositories/legacy-order-source.js";
import { type BackfillProgress, runLegacyBackfill } from "./services/legacy-backfill.js";

const usage =
  "usage: npm run orders:backfill -- [--run <name>] [--batch-size <1..5000>] [--rate <orders/s, 0 = unthrottled>] [--dry-run] [--restart]";

function parseOptions() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      run: { type: "string", default: "legacy-orders" },
      "batch-size": { type: "string", default: "500" },
      rate: { type: "string", default: "2000" },
      "dry-run": { type: "boolean", default: false },
      restart: { type: "boolean", default: false },
    },
  });
  const batchSize = Number(values["batch-size"]);
  const rate = Number(values.rate);
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5_000)
    throw new Error("--batch-size must be 1..5000");
  if (!Number.isFinite(rate) || rate < 0) throw new Error("--rate must be a number ≥ 0");
  if (!/^[a-z0-9._-]{1,64}$/.test(values.run)) throw new Error("--run must be 1..64 of a-z 0-9 . _ -");
  return { run: values.run, batchSize, rate, dryRun: values["dry-run"], restart: values.restart };
}

let options: ReturnType<typeof parseOptions>;
try {
  options = parseOptions();
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(64); // EX_USAGE
}

const env = exitOnEnvError(() => parseEnv({ ...ordersEnvShape, ...legacySourceEnvShape }));
const formatted = (n: number) => n.toLocaleString("en");
const line = (p: BackfillProgress) =>
  `${options.dryRun ? "dry run: " : ""}${formatted(p.seen)}/${formatted(p.total)} legacy orders` +
  ` (${p.total === 0 ? 100 : Math.floor((p.seen / p.total) * 100)} %), ${formatted(p.inserted)} imported,` +
  ` ${formatted(p.updated)} updated, ${formatted(p.skipped.length)} skipped, up to order ${p.lastOrderNo},` +
  ` ${formatted(Math.round(p.seen / Math.max(p.elapsedMs / 1_000, 0.001)))} orders/s`;

await runTask(ordersService, "backfill", async ({ db, logger }) => {
  const pool = createPgPool(
    {
      host: env.LEGACY_PGHOST ?? env.PGHOST,
      port: env.LEGACY_PGPORT ?? env.PGPORT,
      user: env.LEGACY_PGUSER,
      password: env.LEGACY_PGPASSWORD,
      database: env.LEGACY_PGDATABASE + env.PGDATABASE_SUFFIX,
      max: 2,
    },
    logger,
  );
  try {
    const result = await runLegacyBackfill(db, legacyOrderSource(pool), options, (progress) =>
      process.stderr.write(`[backfill] ${line(progress)}\n`),
    );
    for (const { orderNo, reason } of result.skipped.slice(0, 20))
      process.stderr.write(`[backfill] skipped order ${orderNo}: ${reason}\n`);
    const resumed =
      result.resumedAfter === null ? "from the first order" : `resumed after order ${result.resumedAfter}`;
    return `run ${result.run} ${resumed}: ${line(result)}`;
  } finally {
    await pool.end();
  }
});
