import { Query } from "./query.js";
import { User } from "./user.js";
import { Variant } from "./variant.js";

export const resolvers = { Query, User, Variant };
