// Process entry of the simulated payment provider on its own (compose, Helm's demo values, the
// production-mode e2e): what orders calls at PAYMENT_PROVIDER_URL where no real provider exists.
// In development orders starts the same simulator inside its own process instead.
import { createLifecycle, createLogger, exitOnEnvError, parseEnv, portEnv, serviceEnv } from "@shopstream/kernel";
import { z } from "zod";
import { startPaymentSimulator } from "./payments/simulator/server.js";

const env = exitOnEnvError(() =>
  parseEnv(
    { ...serviceEnv, ...portEnv(4090), PAYMENT_SIMULATOR_LATENCY_MS: z.coerce.number().int().min(0).default(30) },
    process.env,
  ),
);
const logger = createLogger("payment-simulator", env.LOG_LEVEL);
const lifecycle = createLifecycle(logger);
lifecycle.installSignalHandlers();
const simulator = await startPaymentSimulator({
  host: env.HOST,
  port: env.PORT,
  config: { latencyMs: env.PAYMENT_SIMULATOR_LATENCY_MS },
});
logger.info({ url: simulator.url }, "simulated payment provider listening");
lifecycle.add("payment simulator", simulator.close);
