import type { BaseRequestContext } from "@shopstream/kernel";
import type { Loaders } from "./loaders/index.js";
import type { Services } from "./services/index.js";

/** What every resolver receives: the verified caller, their IP, per-request loaders and the services. */
export interface IdentityContext extends BaseRequestContext {
  /** From x-forwarded-for as set by the router (see http/client-ip.ts); null if absent. */
  clientIp: string | null;
  loaders: Loaders;
  services: Services;
}
