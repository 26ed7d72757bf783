// The current cart: the signed-in shopper's own, or the guest's by its token.
import { useQuery } from "@apollo/client/react";
import { useAuth } from "../auth/auth-context";
import { CartQuery } from "../operations/cart";
import { guestCartToken } from "./cart-token";

export function useCart() {
  const { status } = useAuth();
  const cartToken = status === "signed-in" ? null : guestCartToken();
  const skip = status === "checking" || (status === "signed-out" && !cartToken);
  const result = useQuery(CartQuery, { variables: { cartToken }, skip });
  return { ...result, cartToken, cart: skip ? null : (result.data?.cart ?? null) };
}
