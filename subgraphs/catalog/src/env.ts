// The catalog's environment: everything it reads from process.env, validated in one place.
import { identityEnv, kafkaEnv, parseEnv, portEnv, postgresEnv, serviceEnv } from "@shopstream/kernel";

export const catalogEnvShape = {
  ...serviceEnv,
  ...portEnv(4002),
  ...postgresEnv("catalog"),
  ...identityEnv,
  ...kafkaEnv,
};

export type CatalogEnv = ReturnType<typeof parseCatalogEnv>;

/** For tests: throws EnvError instead of exiting. */
export const parseCatalogEnv = (source: Record<string, string | undefined> = process.env) =>
  parseEnv(catalogEnvShape, source);
