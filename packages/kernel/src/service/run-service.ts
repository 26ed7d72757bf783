// The process entry point of a service (its server.ts): start the definition with the process
// environment, stop on SIGTERM/SIGINT, exit 78 on a bad environment and 1 on a failed start.
import { EnvError } from "../config/env.js";
import type { BaseServiceEnv, ServiceDatabase, ServiceDefinition, ServiceParts } from "./definition.js";
import { startService } from "./start-service.js";

export async function runService<Env extends BaseServiceEnv, Db extends ServiceDatabase, Parts extends ServiceParts>(
  definition: ServiceDefinition<Env, Db, Parts>,
) {
  try {
    return await startService(definition, { signals: true });
  } catch (error) {
    exitOnBadEnvironment(definition.name, error);
    process.stderr.write(`${definition.name} failed to start: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  }
}

/** A bad environment ends an entry point with 78 (EX_CONFIG) and the list of every problem. */
export function exitOnBadEnvironment(name: string, error: unknown): void {
  if (!(error instanceof EnvError)) return;
  process.stderr.write(`${name}: ${error.message}\n`);
  process.exit(78);
}
