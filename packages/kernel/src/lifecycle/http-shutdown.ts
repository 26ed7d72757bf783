// Closing an HTTP server whose clients keep their connections alive. Node's server.close() waits
// for every connection to end, and one that a client (a balancer, the router's pools) reuses after
// close began stays open until its keep-alive timeout, or for ever under steady traffic: the
// router once outlived its shutdown timeout that way. So from the start of draining every answer
// asks for `connection: close`, idle connections are closed, and what is left is cut after a grace.
import type http from "node:http";

export interface HttpShutdown {
  /** True from `beginDraining()` (or `close()`) on: what `/ready` reports. */
  readonly draining: boolean;
  /** Draining: requests are still served, but no connection is kept for another. */
  beginDraining(): void;
  /** Stops accepting, closes idle connections, and cuts the rest after `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

export function httpShutdown(server: http.Server): HttpShutdown {
  let draining = false;
  // Before the application's handler, which may answer synchronously.
  server.prependListener("request", (_req, res: http.ServerResponse) => {
    if (draining) res.setHeader("connection", "close");
  });
  return {
    get draining() {
      return draining;
    },
    beginDraining() {
      draining = true;
    },
    close(graceMs = 5_000) {
      draining = true;
      return new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
