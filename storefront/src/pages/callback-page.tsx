// The OAuth redirect target: checks state, trades the code (with the PKCE verifier) for a session,
// merges a guest basket into the shopper's own, then returns to where the shopper was.
import { useApolloClient } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { takePendingSignIn } from "../auth/pkce";
import { completeSignIn } from "../auth/session";
import { forgetGuestCartToken, guestCartToken } from "../cart/cart-token";
import { CartQuery, MergeGuestCartMutation } from "../operations/cart";

export function CallbackPage() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const params = new URLSearchParams(window.location.search);
    const pending = takePendingSignIn(params.get("state"));
    const code = params.get("code");
    if (params.get("error") || !pending || !code) {
      setProblem("Signing in didn't complete. Please try again.");
      return;
    }
    void (async () => {
      if (!(await completeSignIn(code, pending.verifier))) {
        setProblem("Signing in didn't complete. Please try again.");
        return;
      }
      const cartToken = guestCartToken();
      if (cartToken) {
        const merged = await client.mutate({ mutation: MergeGuestCartMutation, variables: { cartToken } });
        if (
          merged.data?.mergeGuestCart.userErrors.length === 0 ||
          merged.data?.mergeGuestCart.userErrors[0]?.code === "CART_NOT_FOUND"
        )
          forgetGuestCartToken();
      }
      await client.refetchQueries({ include: "active" });
      await client.query({ query: CartQuery, variables: { cartToken: null }, fetchPolicy: "network-only" });
      navigate(pending.returnTo || "/", { replace: true });
    })();
  }, [client, navigate]);
  return problem ? (
    <div role="alert" className="notice notice-error">
      {problem}
    </div>
  ) : (
    <p aria-live="polite">Signing you in…</p>
  );
}
