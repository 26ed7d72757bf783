// One topic per aggregate stream; each has a `<topic>.dlq` twin for messages consumers give up on.
export const topics = {
  catalogProducts: "catalog.products",
  inventoryStock: "inventory.stock",
  ordersOrders: "orders.orders",
  paymentsPayments: "payments.payments",
  cacheInvalidations: "cache.invalidations",
  identityUsers: "identity.users",
} as const;

export const dlqTopic = (topic: string) => `${topic}.dlq`;
