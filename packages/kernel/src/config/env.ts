// Environment loading: every service declares its variables with zod; a bad or missing value
// stops the process with ONE message listing every problem by variable name.
import { z } from "zod";

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv<S extends z.ZodRawShape>(
  shape: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<S>> {
  // Empty strings count as unset so that `FOO=` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = z.object(shape).safeParse(cleaned);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  const production =
    (result.success ? (result.data as { NODE_ENV?: string }).NODE_ENV : cleaned.NODE_ENV) === "production";
  if (production) problems.push(...productionSecretProblems(shape, cleaned));
  if (problems.length === 0 && result.success) return result.data;
  throw new EnvError(problems);
}

/** In production every secret is set, and not to its development value (see secretEnv). */
export function productionSecretProblems(shape: z.ZodRawShape, source: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const development = (z.globalRegistry.get(schema) as { developmentSecret?: string } | undefined)?.developmentSecret;
    if (development === undefined) continue;
    if (!source[name]) problems.push(`${name}: must be set in production`);
    else if (source[name] === development)
      problems.push(`${name}: is the development value; set a secret of your own in production`);
  }
  return problems;
}

/** parseEnv for process entry points: prints the problems and exits non-zero. */
export function loadEnv<S extends z.ZodRawShape>(
  shape: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<S>> {
  return exitOnEnvError(() => parseEnv(shape, source));
}

/** Runs a configuration reader for a process entry point: an EnvError prints and exits 78. */
export function exitOnEnvError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}
