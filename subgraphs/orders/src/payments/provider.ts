// The PaymentProvider port: what the saga needs from a card processor. Every call carries an
// idempotency key, so a retried call (after a timeout, or a duplicated event) never charges twice.
// A decline is an answer, not an error; errors are the provider being unreachable or failing.
import type { Money } from "@shopstream/kernel";

export interface AuthorizeRequest {
  idempotencyKey: string;
  reference: string;
  amount: Money;
  cardToken: string;
}

export type AuthorizeResult =
  | { outcome: "AUTHORIZED"; authorizationId: string }
  | { outcome: "DECLINED"; reason: string };

export interface FollowUpRequest {
  idempotencyKey: string;
  authorizationId: string;
  amount: Money;
}

export interface PaymentProvider {
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
  capture(request: FollowUpRequest): Promise<{ captureId: string }>;
  refund(request: FollowUpRequest): Promise<{ refundId: string }>;
  void(request: FollowUpRequest): Promise<void>;
}

/** The provider failed or could not be reached (timeout, 5xx, connection refused). */
export class PaymentProviderError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "PaymentProviderError";
  }
}
