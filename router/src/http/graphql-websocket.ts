// GraphQL over WebSocket on /graphql, in the graphql-transport-ws protocol (graphql-ws; Apollo
// Client's GraphQLWsLink). connection_init carries the access token (`authorization` in its
// payload, or the upgrade request's Authorization header), checked by the same rules as HTTP;
// every subscribe then runs the whole request pipeline (limits, trusted documents, rate limits,
// authorization) as an HTTP request would. Close codes are the protocol's: 4400 bad message,
// 4401 subscribe before ack, 4403 refused token, 4406 wrong subprotocol, 4408 no init in time,
// 4409 duplicate id, 4429 second init; 1001 when the router shuts down.
import { randomUUID } from "node:crypto";
import type http from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { runGraphQLRequest } from "../pipeline/run-graphql-request.js";
import type { HttpInput } from "../request/graphql-request.js";
import { RequestError } from "../request/request-error.js";
import type { RouterComponents } from "../router-components.js";
import { clientIp, forwardedForHeader } from "./client-ip.js";

const protocol = "graphql-transport-ws";

interface Connection {
  socket: WebSocket;
  request: http.IncomingMessage;
  initialised: boolean;
  acknowledged: boolean;
  authorization?: string;
  operations: Map<string, AbortController>;
}

export function serveGraphQLWebSocket(server: http.Server, router: RouterComponents): { close(): Promise<void> } {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => (offered.has(protocol) ? protocol : false),
  });
  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? "/", "http://router");
    if ((pathname !== "/graphql" && pathname !== "/") || router.draining) return void socket.destroy();
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request, router));
  };
  server.on("upgrade", onUpgrade);
  const pings = setInterval(() => {
    for (const ws of wss.clients) {
      const alive = ws as WebSocket & { alive?: boolean };
      if (alive.alive === false) ws.terminate();
      else {
        alive.alive = false;
        ws.ping();
      }
    }
  }, router.settings.subscriptions.pingMs);
  return {
    async close() {
      clearInterval(pings);
      server.off("upgrade", onUpgrade);
      for (const ws of wss.clients) ws.close(1001, "Router shutting down");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function accept(socket: WebSocket, request: http.IncomingMessage, router: RouterComponents) {
  if (socket.protocol !== protocol) return socket.close(4406, "Subprotocol not acceptable");
  const connection: Connection = { socket, request, initialised: false, acknowledged: false, operations: new Map() };
  const alive = socket as WebSocket & { alive?: boolean };
  alive.alive = true;
  socket.on("pong", () => (alive.alive = true));
  const initTimeout = setTimeout(() => {
    if (!connection.acknowledged) socket.close(4408, "Connection initialisation timeout");
  }, router.settings.subscriptions.connectionInitTimeoutMs);
  socket.on("message", (data) => {
    onMessage(connection, String(data), router).catch((error: unknown) => {
      router.logger.error({ err: error }, "websocket message failed");
      socket.close(4500, "Internal error");
    });
  });
  socket.on("close", () => {
    clearTimeout(initTimeout);
    for (const operation of connection.operations.values()) operation.abort();
    connection.operations.clear();
  });
}

interface Message {
  type?: unknown;
  id?: unknown;
  payload?: unknown;
}

async function onMessage(connection: Connection, text: string, router: RouterComponents): Promise<void> {
  const { socket } = connection;
  let message: Message;
  try {
    message = JSON.parse(text) as Message;
  } catch {
    return socket.close(4400, "Invalid message received");
  }
  switch (message?.type) {
    case "connection_init":
      return initialise(connection, message.payload, router);
    case "ping":
      return send(socket, { type: "pong" });
    case "pong":
      return;
    case "subscribe":
      if (typeof message.id !== "string" || !isObject(message.payload))
        return socket.close(4400, "Invalid message received");
      if (!connection.acknowledged) return socket.close(4401, "Unauthorized");
      if (connection.operations.has(message.id))
        return socket.close(4409, `Subscriber for ${message.id} already exists`);
      return operate(connection, message.id, message.payload, router);
    case "complete":
      if (typeof message.id === "string") {
        connection.operations.get(message.id)?.abort();
        connection.operations.delete(message.id);
      }
      return;
    default:
      return socket.close(4400, "Invalid message received");
  }
}

async function initialise(connection: Connection, payload: unknown, router: RouterComponents) {
  const { socket } = connection;
  if (connection.initialised) return socket.close(4429, "Too many initialisation requests");
  connection.initialised = true;
  const authorization = authorizationOf(payload) ?? connection.request.headers.authorization;
  try {
    if (authorization) await router.authenticator.authenticate(authorization);
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    // 401: the token is refused; 503: it cannot be checked now (the client may retry).
    return socket.close(error.status === 401 ? 4403 : 1013, `${error.code}: ${error.message}`.slice(0, 120));
  }
  connection.authorization = authorization;
  connection.acknowledged = true;
  send(socket, { type: "connection_ack" });
}

async function operate(connection: Connection, id: string, payload: Record<string, unknown>, router: RouterComponents) {
  const { socket, request } = connection;
  const operation = new AbortController();
  connection.operations.set(id, operation);
  const version = router.supergraph.current;
  if (!version) {
    connection.operations.delete(id);
    return send(socket, {
      id,
      type: "error",
      payload: [{ message: "No supergraph loaded yet", extensions: { code: "NOT_READY" } }],
    });
  }
  const { trustedProxies } = router.settings;
  const input: HttpInput = {
    method: "POST",
    search: new URLSearchParams(),
    body: JSON.stringify(payload),
    authorization: connection.authorization,
    forwardedFor: forwardedForHeader(request, trustedProxies),
    // The pipeline reads a JSON POST: the socket's own request is neither.
    headers: { ...request.headers, "content-type": "application/json", accept: "application/json" },
    clientIp: clientIp(request, trustedProxies),
    subscriptionTransport: "websocket",
    signal: operation.signal,
  };
  const shaped = await runGraphQLRequest(version, input, randomUUID(), router);
  if (!shaped.events && shaped.status !== 200) {
    connection.operations.delete(id);
    return send(socket, { id, type: "error", payload: shaped.body.errors ?? [] });
  }
  for await (const body of shaped.events ?? [shaped.body]) {
    if (operation.signal.aborted && !shaped.events) break;
    send(socket, { id, type: "next", payload: body });
  }
  // The client's own complete needs no answer.
  if (connection.operations.get(id) === operation) {
    connection.operations.delete(id);
    send(socket, { id, type: "complete" });
  }
}

function authorizationOf(payload: unknown): string | undefined {
  if (!isObject(payload)) return undefined;
  const headers = isObject(payload.headers) ? payload.headers : {};
  const value = payload.authorization ?? payload.Authorization ?? headers.authorization ?? headers.Authorization;
  return typeof value === "string" && value !== "" ? value : undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function send(socket: WebSocket, message: Record<string, unknown>) {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}
