// CartLine: the variant is catalog's entity (a reference here).
import type { CartLineView } from "../services/cart-view.js";

export const cartLineResolvers = {
  variant: (line: CartLineView) => ({ __typename: "Variant", id: line.variantId }),
  productName: (line: CartLineView) => line.name,
};
