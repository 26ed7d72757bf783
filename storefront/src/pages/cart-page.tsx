import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useAuth } from "../auth/auth-context";
import { beginSignIn } from "../auth/pkce";
import { useCart } from "../cart/use-cart";
import { ErrorNotice } from "../components/error-notice";
import { Totals } from "../components/totals";
import { formatMoney } from "../money";
import { UpdateCartLineMutation } from "../operations/cart";
import { messageFor } from "../user-errors";

export function CartPage() {
  const { status } = useAuth();
  const { cart, cartToken, error, refetch, loading } = useCart();
  const [updateLine] = useMutation(UpdateCartLineMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const setQuantity = async (variantId: string, quantity: number) => {
    const { data } = await updateLine({ variables: { input: { variantId, quantity, cartToken } } });
    const code = data?.updateCartLine.userErrors[0]?.code;
    setProblem(code ? messageFor(code) : null);
  };
  if (loading && !cart) return <p aria-live="polite">Loading…</p>;
  return (
    <>
      <h1>Your basket</h1>
      {error && <ErrorNotice error={error} retry={() => refetch()} />}
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      {!cart || cart.lines.length === 0 ? (
        <p>
          Your basket is empty. <Link to="/search">Browse products</Link>
        </p>
      ) : (
        <>
          <ul className="lines" aria-label="Basket items">
            {cart.lines.map((line) => (
              <li key={line.variant.id} data-testid="cart-line">
                <span>
                  {line.productName} · {line.variant.size} · {line.variant.colour}
                </span>
                <label>
                  Quantity
                  <input
                    type="number"
                    min={0}
                    max={99}
                    defaultValue={line.quantity}
                    onBlur={(event) => void setQuantity(line.variant.id, Number(event.target.value))}
                  />
                </label>
                <span>{line.lineTotal ? formatMoney(line.lineTotal) : "No longer available"}</span>
                <button type="button" onClick={() => void setQuantity(line.variant.id, 0)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <Totals totals={cart.totals} />
          {status === "signed-in" ? (
            <Link className="button primary" to="/checkout">
              Checkout
            </Link>
          ) : (
            <button type="button" className="primary" onClick={() => void beginSignIn("sign-in", "/checkout")}>
              Sign in to check out
            </button>
          )}
        </>
      )}
    </>
  );
}
