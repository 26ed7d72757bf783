// Entry point: env, logger, lifecycle, Prisma and the HTTP subgraph on :4010.
import { createLifecycle, createLogger } from "@shopstream/kernel";
import { startLegacy } from "./app.js";
import { createPrisma } from "./db.js";
import { loadLegacyEnv } from "./env.js";

const env = loadLegacyEnv();
const logger = createLogger("legacy", env.LOG_LEVEL);
const lifecycle = createLifecycle(logger);
lifecycle.installSignalHandlers();

const prisma = createPrisma(env);
lifecycle.add("prisma", () => prisma.$disconnect());
const server = await startLegacy({
  prisma,
  lowStockAt: env.LEGACY_LOW_STOCK_AT,
  logger,
  port: env.PORT,
  host: env.HOST,
  identitySecret: env.IDENTITY_HMAC_SECRET,
});
lifecycle.add("http", () => server.close());
