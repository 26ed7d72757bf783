// Process entry point: `npm start -w @shopstream/catalog` (port 4002 unless PORT says otherwise).
import { createLifecycle, createLogger, startOutboxRelay, topics } from "@shopstream/kernel";
import { startCatalog } from "./app.js";
import { createPrisma } from "./db.js";
import { loadCatalogEnv } from "./env.js";

const env = loadCatalogEnv();
const logger = createLogger("catalog", env.LOG_LEVEL);
const lifecycle = createLifecycle(logger);
lifecycle.installSignalHandlers();

const prisma = createPrisma(env);
lifecycle.add("postgres", () => prisma.$disconnect());
await startOutboxRelay({ service: "catalog", env, logger, lifecycle, topics: [topics.catalogProducts] });
const server = await startCatalog({
  prisma,
  logger,
  port: env.PORT,
  host: env.HOST,
  identitySecret: env.IDENTITY_HMAC_SECRET,
  kafkaBrokers: env.KAFKA_BROKERS,
});
lifecycle.add("http", () => server.close());
