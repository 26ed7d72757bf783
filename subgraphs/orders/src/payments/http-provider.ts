// PaymentProvider adapter over HTTP (fetch, i.e. undici with keep-alive): a timeout per call and
// the idempotency key in the `Idempotency-Key` header.
import {
  type AuthorizeRequest,
  type AuthorizeResult,
  type FollowUpRequest,
  type PaymentProvider,
  PaymentProviderError,
} from "./provider.js";

export interface HttpPaymentProviderOptions {
  baseUrl: string;
  timeoutMs: number;
}

export function createHttpPaymentProvider(options: HttpPaymentProviderOptions): PaymentProvider {
  async function post(path: string, idempotencyKey: string, body: unknown): Promise<{ status: number; json: any }> {
    let response: Response;
    try {
      response = await fetch(new URL(path, options.baseUrl), {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const reason =
        (error as Error).name === "TimeoutError" ? `timed out after ${options.timeoutMs} ms` : String(error);
      throw new PaymentProviderError(`payment provider unreachable: ${reason}`);
    }
    const json = await response.json().catch(() => ({}));
    if (response.status >= 500 || response.status === 429)
      throw new PaymentProviderError(`payment provider answered ${response.status}`, response.status);
    return { status: response.status, json };
  }

  const followUp = (path: string) => async (request: FollowUpRequest) => {
    const { status, json } = await post(
      `/v1/authorizations/${encodeURIComponent(request.authorizationId)}/${path}`,
      request.idempotencyKey,
      { amount: request.amount },
    );
    if (status !== 200) throw new PaymentProviderError(`${path} refused: ${json.error ?? status}`, status);
    return json;
  };

  return {
    async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
      const { status, json } = await post("/v1/authorizations", request.idempotencyKey, {
        reference: request.reference,
        amount: request.amount,
        cardToken: request.cardToken,
      });
      if (status === 200) return { outcome: "AUTHORIZED", authorizationId: json.id };
      if (status === 402) return { outcome: "DECLINED", reason: json.reason ?? "declined" };
      throw new PaymentProviderError(`authorize refused: ${json.error ?? status}`, status);
    },
    capture: async (request) => ({ captureId: (await followUp("capture")(request)).id }),
    refund: async (request) => ({ refundId: (await followUp("refund")(request)).id }),
    void: async (request) => void (await followUp("void")(request)),
  };
}
