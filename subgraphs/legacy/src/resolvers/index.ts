import { Variant } from "./variant.js";

export const resolvers = { Variant };
