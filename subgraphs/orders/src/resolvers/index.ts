// The orders subgraph's resolver map.
import { cartLineResolvers } from "./cart.js";
import { cartMutations } from "./mutation-cart.js";
import { orderMutations } from "./mutation-order.js";
import { orderLineResolvers, orderResolvers, paymentResolvers, timelineResolvers } from "./order.js";
import { queryResolvers } from "./query.js";
import { subscriptionResolvers } from "./subscription.js";
import { userResolvers } from "./user.js";

export const resolvers = {
  Query: queryResolvers,
  Mutation: { ...cartMutations, ...orderMutations },
  Subscription: subscriptionResolvers,
  User: userResolvers,
  Order: orderResolvers,
  OrderLine: orderLineResolvers,
  OrderTimelineEntry: timelineResolvers,
  Payment: paymentResolvers,
  CartLine: cartLineResolvers,
};
