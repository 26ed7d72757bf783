import { useQuery } from "@apollo/client/react";
import { Link } from "react-router-dom";
import { useAuth } from "../auth/auth-context";
import { beginSignIn } from "../auth/pkce";
import { ErrorNotice } from "../components/error-notice";
import { formatMoney } from "../money";
import { OrderHistoryQuery } from "../operations/orders";

export function OrderHistoryPage() {
  const { status } = useAuth();
  const result = useQuery(OrderHistoryQuery, {
    variables: { after: null },
    skip: status !== "signed-in",
    fetchPolicy: "cache-and-network",
  });
  if (status === "signed-out")
    return (
      <>
        <h1>Your orders</h1>
        <button type="button" onClick={() => void beginSignIn("sign-in", "/orders")}>
          Sign in to see your orders
        </button>
      </>
    );
  const orders = result.data?.me.orders.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1>Your orders</h1>
      {result.error && <ErrorNotice error={result.error} retry={() => result.refetch()} />}
      {result.data && orders.length === 0 && <p>No orders yet.</p>}
      <ul className="lines" aria-label="Orders">
        {orders.map((order) => (
          <li key={order.id} data-testid="order-row">
            <Link to={`/orders/${order.id}`}>{new Date(order.placedAt).toLocaleDateString()}</Link>
            <span>{order.lines.map((line) => `${line.quantity} × ${line.productName}`).join(", ")}</span>
            <span>{order.status}</span>
            <span>{formatMoney(order.totals.total)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
