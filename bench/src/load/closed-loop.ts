// Constant concurrency with autocannon: `connections` clients, each sending its request sequence
// again and again as soon as the previous answer arrives. A step can read the previous answer
// (context) to build the next request, e.g. search → open the first hit's product page.
import autocannon from "autocannon";
import { isGraphQLFailure, type LoadFigures, summarize } from "./stats.js";

export type Context = Record<string, unknown>;

export interface Step {
  body(context: Context): string;
  onResponse?(json: unknown, context: Context): void;
}

export async function closedLoop(options: {
  url: string;
  connections: number;
  seconds: number;
  steps: Step[];
}): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: options.steps.map((step) => ({
      method: "POST" as const,
      headers: { "content-type": "application/json" },
      setupRequest: (request: autocannon.Request, context: Context) => ({ ...request, body: step.body(context) }),
      onResponse: (status: number, text: string, context: Context) => {
        if (isGraphQLFailure(status, text)) {
          errors += 1;
          return;
        }
        try {
          step.onResponse?.(JSON.parse(text), context);
        } catch {
          errors += 1;
        }
      },
    })),
  } as autocannon.Options) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    latencies.push(responseTime),
  );
  const result = await instance;
  return summarize(latencies, errors + result.errors + result.timeouts, options.seconds);
}
