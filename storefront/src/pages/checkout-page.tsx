// Checkout: delivery address, delivery method and card, with totals from the server. The card is
// the payment provider's token (test mode here: tok_visa approves, tok_decline declines).
import { useMutation } from "@apollo/client/react";
import { type FormEvent, useMemo, useState } from "react";
import { Navigate, useNavigate } from "react-router-dom";
import { useAuth } from "../auth/auth-context";
import { useCart } from "../cart/use-cart";
import { ErrorNotice } from "../components/error-notice";
import { Totals } from "../components/totals";
import type { ShippingMethod } from "../gql/graphql";
import { CartQuery, SetCheckoutDetailsMutation } from "../operations/cart";
import { PlaceOrderMutation } from "../operations/orders";
import { messageFor } from "../user-errors";

const cards = [
  { token: "tok_visa", label: "Visa ending 4242 (test card)" },
  { token: "tok_decline", label: "Card that is declined (test card)" },
];
const addressFields = [
  ["name", "Full name", "name"],
  ["line1", "Address", "address-line1"],
  ["line2", "Address line 2 (optional)", "address-line2"],
  ["city", "Town or city", "address-level2"],
  ["postalCode", "Postcode", "postal-code"],
  ["country", "Country code (e.g. GB)", "country"],
] as const;

export function CheckoutPage() {
  const { status } = useAuth();
  const { cart, error, refetch } = useCart();
  const navigate = useNavigate();
  const [setDetails, saving] = useMutation(SetCheckoutDetailsMutation);
  const [placeOrder, placing] = useMutation(PlaceOrderMutation);
  const [problem, setProblem] = useState<string | null>(null);
  // One key per checkout attempt: a retried submit can never place a second order.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  if (status === "signed-out") return <Navigate to="/cart" replace />;
  if (!cart) return error ? <ErrorNotice error={error} retry={() => refetch()} /> : <p aria-live="polite">Loading…</p>;
  if (cart.lines.length === 0) return <Navigate to="/cart" replace />;

  const saveDetails = async (form: FormData) => {
    const value = (name: string) => form.get(name)?.toString().trim() ?? "";
    const shippingAddress = {
      name: value("name"),
      line1: value("line1"),
      line2: value("line2") || null,
      city: value("city"),
      postalCode: value("postalCode"),
      country: value("country").toUpperCase(),
    };
    const { data } = await setDetails({
      variables: { input: { shippingAddress, shippingMethod: value("shippingMethod") as ShippingMethod } },
    });
    return data?.setCheckoutDetails.userErrors[0]?.code ?? (data ? null : "UNKNOWN");
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const form = new FormData(event.currentTarget);
    const detailsError = await saveDetails(form);
    if (detailsError) return setProblem(messageFor(detailsError));
    const paymentToken = form.get("card")?.toString() ?? "";
    const { data } = await placeOrder({
      variables: { input: { idempotencyKey, paymentToken } },
      refetchQueries: [CartQuery],
    });
    const payload = data?.placeOrder;
    if (!payload?.order) return setProblem(messageFor(payload?.userErrors[0]?.code));
    navigate(`/orders/${payload.order.id}`);
  };

  const address = cart.shippingAddress;
  return (
    <>
      <h1>Checkout</h1>
      <form className="checkout" onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>Delivery address</legend>
          {addressFields.map(([name, label, autocomplete]) => (
            <div key={name}>
              <label htmlFor={name}>{label}</label>
              <input
                id={name}
                name={name}
                autoComplete={autocomplete}
                required={name !== "line2"}
                defaultValue={address?.[name] ?? ""}
              />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>Delivery</legend>
          {(["STANDARD", "EXPRESS"] as const).map((method) => (
            <label key={method} className="chip">
              <input
                type="radio"
                name="shippingMethod"
                value={method}
                defaultChecked={cart.shippingMethod === method}
              />
              {method === "STANDARD" ? "Standard" : "Express"}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Payment</legend>
          {cards.map((card, index) => (
            <label key={card.token} className="chip">
              <input type="radio" name="card" value={card.token} defaultChecked={index === 0} />
              {card.label}
            </label>
          ))}
        </fieldset>
        <Totals totals={cart.totals} />
        {problem && (
          <p role="alert" className="notice notice-error">
            {problem}
          </p>
        )}
        <button type="submit" className="primary" disabled={saving.loading || placing.loading}>
          Place order
        </button>
      </form>
    </>
  );
}
