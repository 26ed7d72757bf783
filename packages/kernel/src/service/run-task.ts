// One-off commands of a service (its seed, operator CLIs) run on the same built definition as the
// server: same environment rules (exit 78 listing every bad variable), same database client and
// services, nothing served or consumed. The task returns a summary line; failure exits 1.
import { createLogger } from "../logging/logger.js";
import type { BaseServiceEnv, ServiceDatabase, ServiceDefinition, ServiceParts } from "./definition.js";
import { exitOnBadEnvironment } from "./run-service.js";
import { type BuiltService, buildService } from "./start-service.js";

export async function runTask<Env extends BaseServiceEnv, Db extends ServiceDatabase, Parts extends ServiceParts>(
  definition: ServiceDefinition<Env, Db, Parts>,
  task: string,
  run: (service: BuiltService<Env, Db, Parts>) => Promise<string>,
): Promise<void> {
  let service: BuiltService<Env, Db, Parts>;
  try {
    // A command's output is its summary line: the service's own logs only from warnings up,
    // unless LOG_LEVEL asks for more.
    service = await buildService(definition, {
      logger: createLogger(definition.name, process.env.LOG_LEVEL ?? "warn"),
    });
  } catch (error) {
    exitOnBadEnvironment(definition.name, error);
    throw error;
  }
  try {
    process.stdout.write(`[${task}] ${definition.name}: ${await run(service)}\n`);
  } catch (error) {
    process.stderr.write(`[${task}] ${definition.name} failed: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  } finally {
    await service.stop(`${task} done`);
  }
}

/** `src/seed.ts` of every subgraph: the definition's idempotent development data. */
export const runSeed = <Env extends BaseServiceEnv, Db extends ServiceDatabase, Parts extends ServiceParts>(
  definition: ServiceDefinition<Env, Db, Parts>,
) => runTask(definition, "seed", async ({ parts }) => (parts.seed ? parts.seed() : "nothing to seed"));
