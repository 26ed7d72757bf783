// Process entry: `node storefront/dist/server.js` (built) or `npm start` (with everything else).
import { createLifecycle, createLogger, exitOnEnvError, parseEnv } from "@shopstream/kernel";
import { storefrontEnvShape } from "./env.js";
import { startStorefrontServer } from "./storefront-server.js";

const env = exitOnEnvError(() => parseEnv(storefrontEnvShape, process.env));
const logger = createLogger("storefront", env.LOG_LEVEL);
const lifecycle = createLifecycle(logger);
lifecycle.installSignalHandlers();
const server = await startStorefrontServer(env);
lifecycle.add("storefront server", server.close);
logger.info({ url: server.url, router: env.ROUTER_URL, identity: env.IDENTITY_URL }, "storefront listening");
