import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import type { InventoryContext } from "../context.js";
import { Query } from "./query.js";
import { Shipment } from "./shipment.js";
import { shipmentMutations } from "./shipment-mutations.js";
import { stockMutations } from "./stock-mutations.js";
import { Subscription } from "./subscription.js";
import { Variant } from "./variant.js";
import { WarehouseStock } from "./warehouse-stock.js";

export const resolvers = {
  Query,
  Mutation: { ...stockMutations, ...shipmentMutations },
  Subscription,
  Variant,
  WarehouseStock,
  Shipment,
} as unknown as GraphQLResolverMap<InventoryContext>;
