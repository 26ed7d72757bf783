// A simulated card processor over HTTP, for dev and tests. Same idempotency key → same stored
// answer (no second charge). Admin endpoints change its behaviour at run time and count calls:
//   POST /admin/config {latencyMs?, failureRate?, outage?}   GET /admin/stats
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { declineTokens, defaultSimulatorConfig, faultFor, type SimulatorConfig } from "./rules.js";

interface Authorization {
  id: string;
  reference: string;
  amount: { amount: number; currency: string };
  state: "AUTHORIZED" | "CAPTURED" | "REFUNDED" | "VOIDED";
}

export interface SimulatorStats {
  requests: number;
  authorizations: number;
  declines: number;
  captures: number;
  refunds: number;
  voids: number;
  /** Authorizations per reference (order id): more than one would be a double charge. */
  byReference: Record<string, number>;
}

type Answer = { status: number; body: unknown };

export interface PaymentSimulator {
  url: string;
  port: number;
  config: SimulatorConfig;
  stats: SimulatorStats;
  close(): Promise<void>;
}

export async function startPaymentSimulator(
  options: { port?: number; host?: string; config?: Partial<SimulatorConfig> } = {},
): Promise<PaymentSimulator> {
  const config: SimulatorConfig = { ...defaultSimulatorConfig, ...options.config };
  const stats: SimulatorStats = {
    requests: 0,
    authorizations: 0,
    declines: 0,
    captures: 0,
    refunds: 0,
    voids: 0,
    byReference: {},
  };
  const authorizations = new Map<string, Authorization>();
  const answers = new Map<string, Answer>(); // idempotency key → first answer

  function authorize(body: any): Answer {
    const reason = declineTokens[body.cardToken];
    if (reason) {
      stats.declines++;
      return { status: 402, body: { status: "declined", reason } };
    }
    const authorization: Authorization = {
      id: `auth_${randomUUID()}`,
      reference: String(body.reference),
      amount: body.amount,
      state: "AUTHORIZED",
    };
    authorizations.set(authorization.id, authorization);
    stats.authorizations++;
    stats.byReference[authorization.reference] = (stats.byReference[authorization.reference] ?? 0) + 1;
    return { status: 200, body: { id: authorization.id, status: "authorized" } };
  }

  const transitions = {
    capture: ["AUTHORIZED", "CAPTURED"],
    refund: ["CAPTURED", "REFUNDED"],
    void: ["AUTHORIZED", "VOIDED"],
  } as const;

  function followUp(id: string, action: keyof typeof transitions): Answer {
    const authorization = authorizations.get(id);
    if (!authorization) return { status: 404, body: { error: "unknown authorization" } };
    const [from, to] = transitions[action];
    if (authorization.state !== from)
      return { status: 409, body: { error: `cannot ${action} a ${authorization.state} payment` } };
    authorization.state = to;
    stats[action === "capture" ? "captures" : action === "refund" ? "refunds" : "voids"]++;
    return { status: 200, body: { id: `${action}_${randomUUID()}`, status: to.toLowerCase() } };
  }

  async function route(method: string, path: string, body: any, key: string | undefined): Promise<Answer> {
    if (method === "GET" && path === "/admin/stats") return { status: 200, body: stats };
    if (method === "GET" && path === "/health")
      return { status: 200, body: { status: "ok", service: "payment-simulator" } };
    if (method === "POST" && path === "/admin/config") {
      Object.assign(config, pickConfig(body));
      return { status: 200, body: config };
    }
    if (method !== "POST" || !path.startsWith("/v1/authorizations"))
      return { status: 404, body: { error: "not found" } };
    stats.requests++;
    if (config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
    const fault = faultFor(config);
    if (fault) return { status: fault.status, body: { error: fault.error } };
    if (!key) return { status: 400, body: { error: "Idempotency-Key header required" } };
    const stored = answers.get(key);
    if (stored) return stored;
    const match = path.match(/^\/v1\/authorizations\/([^/]+)\/(capture|refund|void)$/);
    const answer =
      path === "/v1/authorizations"
        ? authorize(body)
        : match
          ? followUp(decodeURIComponent(match[1]!), match[2] as keyof typeof transitions)
          : { status: 404, body: { error: "not found" } };
    answers.set(key, answer);
    return answer;
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: unknown = {};
    try {
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    } catch {
      res.writeHead(400, { "content-type": "application/json" }).end('{"error":"bad json"}');
      return;
    }
    const key = req.headers["idempotency-key"];
    const answer = await route(
      req.method ?? "GET",
      new URL(req.url ?? "/", "http://x").pathname,
      body,
      typeof key === "string" ? key : undefined,
    );
    res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    config,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function pickConfig(body: any): Partial<SimulatorConfig> {
  const picked: Partial<SimulatorConfig> = {};
  if (typeof body?.latencyMs === "number" && body.latencyMs >= 0) picked.latencyMs = body.latencyMs;
  if (typeof body?.failureRate === "number" && body.failureRate >= 0 && body.failureRate <= 1)
    picked.failureRate = body.failureRate;
  if (typeof body?.outage === "boolean") picked.outage = body.outage;
  return picked;
}
