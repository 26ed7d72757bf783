// A real orders instance for integration tests: its own topics (unique prefix) on the real
// Kafka broker, the real orders database, a simulated payment provider on an ephemeral port, the
// HTTP subgraph with signed identity headers, and a helper to publish other services' events.
import {
  createEventPublisher,
  createKafka,
  createLifecycle,
  createLogger,
  type EventDefinition,
  ensureTopics,
  type Identity,
  signIdentityHeaders,
  startSubgraphServer,
} from "@shopstream/kernel";
import { uniqueName } from "@shopstream/kernel/testing";
import { createOrdersApp } from "../../src/app.js";
import { createPrisma } from "../../src/db.js";
import { parseOrdersEnv } from "../../src/env.js";
import { startPaymentSimulator } from "../../src/payments/simulator/server.js";
import { startOrdersRuntime } from "../../src/runtime.js";

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export async function startHarness(overrides: Record<string, string> = {}) {
  const prefix = `${uniqueName("t")}.`;
  const simulator = await startPaymentSimulator();
  const env = parseOrdersEnv({
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    EVENT_TOPIC_PREFIX: prefix,
    PAYMENT_PROVIDER_URL: simulator.url,
    PAYMENT_TIMEOUT_MS: "1000",
    PAYMENT_BREAKER_FAILURES: "3",
    PAYMENT_BREAKER_RESET_MS: "1500",
    ...overrides,
  });
  const logger = createLogger("orders-test", env.LOG_LEVEL);
  const lifecycle = createLifecycle(logger);
  const prisma = createPrisma(env);
  lifecycle.add("prisma", () => prisma.$disconnect());
  lifecycle.add("simulator", () => simulator.close());
  const app = createOrdersApp({ env, prisma, logger });
  const kafka = createKafka({ clientId: "orders-test", brokers: env.KAFKA_BROKERS, logger });
  // Fresh topics: right after creation the broker may not host every partition yet, so retry.
  const topics = [app.events.productChanged.topic, app.events.stockReserved.topic, ...app.producedTopics];
  for (let attempt = 1; ; attempt++) {
    try {
      await ensureTopics(kafka, topics);
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
  const publisher = await createEventPublisher(kafka);
  lifecycle.add("test publisher", () => publisher.close());
  const groupId = uniqueName("orders-test");
  await startOrdersRuntime({ app, env, prisma, logger, lifecycle, groupId, sweep: false });
  const server = await startSubgraphServer({
    name: "orders",
    typeDefs: app.typeDefs,
    resolvers: app.resolvers as never,
    port: 0,
    logger,
    identitySecret: env.IDENTITY_HMAC_SECRET,
    context: app.context,
  });
  lifecycle.add("http", () => server.close());

  return {
    env,
    app,
    prisma,
    kafka,
    logger,
    simulator,
    lifecycle,
    prefix,
    groupId,
    url: server.url,
    /** Publishes an event of another service straight to this run's topic. */
    async publish<T>(definition: EventDefinition<T>, event: { subject: string; data: T; id?: string; time?: Date }) {
      const prefixed = { ...definition, topic: `${prefix}${definition.topic}` };
      const envelope = definition.create({ ...event, source: "test" });
      await publisher.publish([{ topic: prefixed.topic, key: envelope.subject, value: JSON.stringify(envelope) }]);
      return envelope;
    },
    /** Sends a GraphQL operation as the given caller, with router-style signed identity headers. */
    async gql<T = any>(query: string, variables: Record<string, unknown> = {}, identity: Partial<Identity> = {}) {
      const headers = signIdentityHeaders(
        { userId: identity.userId ?? null, sessionId: identity.sessionId ?? null, scopes: identity.scopes ?? [] },
        env.IDENTITY_HMAC_SECRET,
      );
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as {
        data: T;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      };
    },
    async simulatorAdmin(config: Record<string, unknown>) {
      await fetch(`${simulator.url}/admin/config`, { method: "POST", body: JSON.stringify(config) });
    },
    close: () => lifecycle.shutdown("test done"),
  };
}
