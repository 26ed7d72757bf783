// A real orders instance for integration tests, started by the kernel runtime: its own topics
// (unique prefix) on the real Kafka broker, the orders test database, a simulated payment provider
// on an ephemeral port, and a helper to publish other services' events.
import {
  createEventPublisher,
  createKafka,
  type EventDefinition,
  ensureTopics,
  type Identity,
  namespacedTopic,
} from "@shopstream/kernel";
import { type Loose, signedGraphqlClient, startTestService, uniqueName } from "@shopstream/testkit";
import { ordersService } from "../../src/app.js";
import { startPaymentSimulator } from "../../src/payments/simulator/server.js";

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export async function startHarness(overrides: Record<string, string> = {}) {
  const prefix = `${uniqueName("t")}.`;
  const simulator = await startPaymentSimulator();
  const groupId = uniqueName("orders-test");
  const service = await startTestService(ordersService, {
    consumerGroup: groupId,
    consumersStartAt: "beginning", // this run's topics are new: nothing to skip
    env: {
      EVENT_TOPIC_PREFIX: prefix,
      PAYMENT_SIMULATOR_START: "false",
      PAYMENT_PROVIDER_URL: simulator.url,
      PAYMENT_TIMEOUT_MS: "1000",
      PAYMENT_BREAKER_FAILURES: "3",
      PAYMENT_BREAKER_RESET_MS: "1500",
      ...overrides,
    },
  }).catch(async (error) => {
    await simulator.close();
    throw error;
  });
  const { env, db: prisma, logger, lifecycle, services: app } = service;
  lifecycle.add("simulator", () => simulator.close());
  const kafka = createKafka({ clientId: "orders-test", brokers: env.KAFKA_BROKERS, logger });
  /** A topic of this run on the cluster: the run's own prefix inside the test namespace. */
  const topicOf = (definition: { topic: string }) =>
    namespacedTopic(
      env.KAFKA_TOPIC_PREFIX,
      definition.topic.startsWith(prefix) ? definition.topic : `${prefix}${definition.topic}`,
    );
  await ensureTopics(kafka, [topicOf(app.events.productChanged), topicOf(app.events.stockReserved)]);
  const publisher = await createEventPublisher(kafka);
  lifecycle.add("test publisher", () => publisher.close());
  const graphql = signedGraphqlClient(service.url, env.IDENTITY_HMAC_SECRET);

  return {
    env,
    app,
    prisma,
    kafka,
    logger,
    simulator,
    lifecycle,
    prefix,
    topicOf,
    groupId,
    url: service.url,
    /** Publishes an event of another service straight to this run's topic. */
    async publish<T>(definition: EventDefinition<T>, event: { subject: string; data: T; id?: string; time?: Date }) {
      const envelope = definition.create({ ...event, source: "test" });
      await publisher.publish([{ topic: topicOf(definition), key: envelope.subject, value: JSON.stringify(envelope) }]);
      return envelope;
    },
    /** Sends a GraphQL operation as the given caller, with router-style signed identity headers. */
    gql: <T = Loose>(query: string, variables: Record<string, unknown> = {}, identity: Partial<Identity> = {}) =>
      graphql<T>(query, variables, { identity }) as Promise<{
        data: T;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      }>,
    async simulatorAdmin(config: Record<string, unknown>) {
      await fetch(`${simulator.url}/admin/config`, { method: "POST", body: JSON.stringify(config) });
    },
    close: () => service.stop("test done"),
  };
}
