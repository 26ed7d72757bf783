// The simulated payment provider as a background part of the orders process (development only:
// production points PAYMENT_PROVIDER_URL at a real provider).
import type { BackgroundWorker, Logger } from "@shopstream/kernel";
import type { OrdersEnv } from "../../env.js";
import { type PaymentSimulator, startPaymentSimulator } from "./server.js";

export function paymentSimulatorWorker(env: OrdersEnv, logger: Logger): BackgroundWorker {
  let simulator: PaymentSimulator | undefined;
  return {
    name: "payment simulator",
    async start() {
      simulator = await startPaymentSimulator({
        port: env.PAYMENT_SIMULATOR_PORT,
        config: { latencyMs: env.PAYMENT_SIMULATOR_LATENCY_MS },
      });
      logger.info({ url: simulator.url }, "simulated payment provider listening");
    },
    stop: async () => simulator?.close(),
  };
}
