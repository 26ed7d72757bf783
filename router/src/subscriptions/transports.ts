// The transports a subscription's events travel over; a plain JSON request is told about them.
export type SubscriptionTransport = "websocket" | "multipart";

export const subscriptionTransportHint =
  "Subscriptions are answered over WebSocket (graphql-transport-ws on /graphql) or multipart HTTP (Accept: multipart/mixed;subscriptionSpec=1.0)";
