// Process entry point: `npx tsx subgraphs/identity/src/server.ts` (port 4001 unless PORT says otherwise).
import { createLifecycle, createLogger, createRedis, startOutboxRelay, topics } from "@shopstream/kernel";
import { startIdentity } from "./app.js";
import { createPrisma } from "./db.js";
import { loadIdentityEnv } from "./env.js";

const env = loadIdentityEnv();
const logger = createLogger("identity", env.LOG_LEVEL);
const lifecycle = createLifecycle(logger);
lifecycle.installSignalHandlers();

const prisma = createPrisma(env);
lifecycle.add("postgres", () => prisma.$disconnect());
const redis = createRedis(env, { name: "identity", logger, lifecycle });
await startOutboxRelay({ service: "identity", env, logger, lifecycle, topics: [topics.identityUsers] });
const server = await startIdentity({ prisma, redis, env, logger, port: env.PORT, host: env.HOST });
lifecycle.add("http", () => server.close());
