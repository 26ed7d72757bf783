// Order confirmation: the status moves PENDING → CONFIRMED or CANCELLED on screen by itself
// (polled every second while pending).
import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link, useParams } from "react-router-dom";
import { ErrorNotice } from "../components/error-notice";
import { formatMoney } from "../money";
import { OrderStatusQuery } from "../operations/orders";
import { cancellationMessages } from "../user-errors";

const headline = {
  PENDING: "Thanks! We're confirming your order…",
  CONFIRMED: "Your order is confirmed",
  CANCELLED: "Your order was cancelled",
} as const;

export function OrderPage() {
  const { id = "" } = useParams();
  const result = useQuery(OrderStatusQuery, {
    variables: { id },
    pollInterval: 1_000,
    notifyOnNetworkStatusChange: false,
  });
  const order = result.data?.order;
  const { stopPolling } = result;
  useEffect(() => {
    if (order && order.status !== "PENDING") stopPolling();
  }, [order, stopPolling]);
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
