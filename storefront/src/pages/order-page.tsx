// Order confirmation: the status moves PENDING → CONFIRMED or CANCELLED on screen by itself,
// pushed by Subscription.orderStatusChanged while pending (polled every second only if the
// subscription fails, e.g. a proxy that does not stream).
import { useQuery, useSubscription } from "@apollo/client/react";
import { useEffect } from "react";
import { Link, useParams } from "react-router-dom";
import { ErrorNotice } from "../components/error-notice";
import { formatMoney } from "../money";
import { OrderStatusChangedSubscription, OrderStatusQuery } from "../operations/orders";
import { cancellationMessages } from "../user-errors";

const headline = {
  PENDING: "Thanks! We're confirming your order…",
  CONFIRMED: "Your order is confirmed",
  CANCELLED: "Your order was cancelled",
} as const;

export function OrderPage() {
  const { id = "" } = useParams();
  const result = useQuery(OrderStatusQuery, { variables: { id }, notifyOnNetworkStatusChange: false });
  const order = result.data?.order;
  const pending = order?.status === "PENDING";
  // Each event lands in the cache's Order, which the query above reads.
  const live = useSubscription(OrderStatusChangedSubscription, { variables: { orderId: id }, skip: !pending });
  const { startPolling, stopPolling } = result;
  useEffect(() => {
    if (pending && live.error) startPolling(1_000);
    else stopPolling();
  }, [pending, live.error, startPolling, stopPolling]);
  if (!order)
    return result.error ? (
      <ErrorNotice error={result.error} retry={() => result.refetch()} />
    ) : result.loading ? (
      <p aria-live="polite">Loading…</p>
    ) : (
      <h1>Order not found</h1>
    );
  return (
    <>
      <h1 aria-live="polite">{headline[order.status]}</h1>
      <p>
        Order <span data-testid="order-id">{order.id}</span> ·{" "}
        <strong data-testid="order-status">{order.status}</strong>
      </p>
      {order.status === "CANCELLED" && order.cancellationReason && (
        <p role="alert" className="notice notice-error" data-testid="cancellation">
          {cancellationMessages[order.cancellationReason]}
        </p>
      )}
      <ul className="lines" aria-label="Ordered items">
        {order.lines.map((line) => (
          <li key={line.sku}>
            {line.quantity} × {line.productName} <span>{formatMoney(line.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <p>Total {formatMoney(order.totals.total)}</p>
      <p>
        <Link to="/orders">All your orders</Link>
      </p>
    </>
  );
}
