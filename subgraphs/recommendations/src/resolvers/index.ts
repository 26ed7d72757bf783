import { Product } from "./product.js";
import { trending } from "./query-trending.js";
import { User } from "./user.js";

export const resolvers = {
  Query: { trending },
  Product,
  User,
};
