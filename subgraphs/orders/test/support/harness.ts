// A real orders instance for integration tests, started by the kernel runtime: a database of its
// own (its sweeper and payment worker see only its orders), its own topic namespace on the real
// Kafka broker, a simulated payment provider on an ephemeral port, and a helper to publish other
// services' events.
import {
  createEventPublisher,
  createKafka,
  type EventDefinition,
  ensureTopics,
  type Identity,
  namespacedTopic,
} from "@shopstream/kernel";
import {
  createScratchDatabase,
  type Loose,
  signedGraphqlClient,
  startTestService,
  uniqueName,
} from "@shopstream/testkit";
import { ordersService } from "../../src/app.js";
import { startPaymentSimulator } from "../../src/payments/simulator/server.js";

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export async function startHarness(overrides: Record<string, string> = {}) {
  // Inside the test command's namespace (`test.`), a namespace of this instance's own.
  const topicPrefix = `${process.env.KAFKA_TOPIC_PREFIX ?? ""}${uniqueName("t")}.`;
  const database = await createScratchDatabase("orders");
  const simulator = await startPaymentSimulator();
  const groupId = uniqueName("orders-test");
  const service = await startTestService(ordersService, {
    consumerGroup: groupId,
    consumersStartAt: "beginning", // this run's topics are new: nothing to skip
    env: {
      KAFKA_TOPIC_PREFIX: topicPrefix,
      PGDATABASE_SUFFIX: database.suffix,
      PAYMENT_SIMULATOR_START: "false",
      PAYMENT_PROVIDER_URL: simulator.url,
      PAYMENT_TIMEOUT_MS: "1000",
      PAYMENT_BREAKER_FAILURES: "3",
      PAYMENT_BREAKER_RESET_MS: "1500",
      ...overrides,
    },
  }).catch(async (error) => {
    await simulator.close();
    await database.drop();
    throw error;
  });
  const { env, db: prisma, logger, lifecycle, services: app } = service;
  lifecycle.add("simulator", () => simulator.close());
  const stop = async (reason: string) => {
    await service.stop(reason);
    await database.drop();
  };
  const kafka = createKafka({ clientId: "orders-test", brokers: env.KAFKA_BROKERS, logger });
  /** A topic of this instance on the cluster (its namespace + the contract's topic). */
  const topicOf = (definition: { topic: string }) => namespacedTopic(env.KAFKA_TOPIC_PREFIX, definition.topic);
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
    close: () => stop("test done"),
  };
}
