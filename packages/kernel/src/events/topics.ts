// One topic per aggregate stream; each has a `<topic>.dlq` twin for messages consumers give up on.
export const topics = {
  catalogProducts: "catalog.products",
  inventoryStock: "inventory.stock",
  ordersOrders: "orders.orders",
  paymentsPayments: "payments.payments",
  cacheInvalidations: "cache.invalidations",
  identityUsers: "identity.users",
  /** The monolith's order changes during the strangler-fig parallel run (change capture). */
  legacyOrders: "legacy.orders",
} as const;

export const dlqTopic = (topic: string) => `${topic}.dlq`;

/** A topic's name on the cluster: the environment's KAFKA_TOPIC_PREFIX before the stream's name. */
export const namespacedTopic = (prefix: string | undefined, topic: string) => `${prefix ?? ""}${topic}`;
