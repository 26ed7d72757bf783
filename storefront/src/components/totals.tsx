import type { CartFieldsFragment } from "../gql/graphql";
import { formatMoney } from "../money";

export function Totals({ totals }: { totals: CartFieldsFragment["totals"] }) {
  return (
    <dl className="totals">
      <dt>Subtotal</dt>
      <dd>{formatMoney(totals.subtotal)}</dd>
      <dt>Delivery</dt>
      <dd>{formatMoney(totals.shipping)}</dd>
      <dt>Tax</dt>
      <dd>{formatMoney(totals.tax)}</dd>
      <dt>Total</dt>
      <dd data-testid="cart-total">{formatMoney(totals.total)}</dd>
    </dl>
  );
}
