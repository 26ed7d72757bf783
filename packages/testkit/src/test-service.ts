// Starts a service for a test through the kernel runtime production uses, isolated from every
// other instance: an ephemeral port, its own consumer group that starts at the topics' end (so
// nothing replays other runs' history), and periodic jobs off (tests drive them by hand).
import {
  type BaseServiceEnv,
  buildService,
  type ServiceDatabase,
  type ServiceDefinition,
  type ServiceParts,
  type StartServiceOptions,
  startService,
} from "@shopstream/kernel";
import { uniqueName } from "@shopstream/kernel/testing";

/** `env` goes on top of process.env and the test defaults (PORT 0, LOG_LEVEL silent). */
export type TestServiceOptions = StartServiceOptions;

const testOptions = (name: string, options: TestServiceOptions): StartServiceOptions => ({
  consumerGroup: uniqueName(`${name}-test`),
  consumersStartAt: "end",
  jobs: false,
  ...options,
  env: { PORT: "0", LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent", ...options.env },
});

export function startTestService<Env extends BaseServiceEnv, Db extends ServiceDatabase, Parts extends ServiceParts>(
  definition: ServiceDefinition<Env, Db, Parts>,
  options: TestServiceOptions = {},
) {
  return startService(definition, testOptions(definition.name, options));
}

/** The service built (database, services) but not serving: for tests of the domain services. */
export function buildTestService<Env extends BaseServiceEnv, Db extends ServiceDatabase, Parts extends ServiceParts>(
  definition: ServiceDefinition<Env, Db, Parts>,
  options: TestServiceOptions = {},
) {
  return buildService(definition, testOptions(definition.name, options));
}
