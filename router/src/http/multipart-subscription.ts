// A subscription over HTTP as Apollo's multipart protocol has it (Apollo Client, Kotlin and iOS
// speak it): multipart/mixed with boundary "graphql", each event a part {"payload": answer},
// a heartbeat part `{}` every few seconds so nothing in between times the response out, and the
// closing boundary when the subscription ends.
import type http from "node:http";

export const multipartSubscriptionContentType = 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"';

/** Whether the Accept header takes Apollo's multipart subscriptions. */
export function acceptsMultipartSubscription(accept: string | string[] | undefined): boolean {
  const values = Array.isArray(accept) ? accept.join(",") : (accept ?? "");
  return values.split(",").some((range) => {
    const [type, ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    return type === "multipart/mixed" && parameters.some((p) => p.replaceAll('"', "") === "subscriptionspec=1.0");
  });
}

export async function writeMultipartSubscription(
  res: http.ServerResponse,
  events: AsyncIterable<unknown>,
  heartbeatMs: number,
): Promise<void> {
  res.writeHead(200, { "content-type": multipartSubscriptionContentType, "cache-control": "no-cache" });
  res.write(part("{}")); // headers out now: the client knows it is subscribed
  const heartbeat = setInterval(() => res.write(part("{}")), heartbeatMs);
  try {
    for await (const payload of events) {
      if (res.destroyed) break;
      res.write(part(JSON.stringify({ payload })));
    }
  } finally {
    clearInterval(heartbeat);
    if (!res.destroyed) res.end("--graphql--\r\n");
  }
}

const part = (json: string) => `--graphql\r\ncontent-type: application/json\r\n\r\n${json}\r\n`;
