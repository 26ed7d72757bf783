// router_auth_rejections_total{reason}: requests refused by the authentication step.
import { metricsRegistry } from "@shopstream/kernel";
import { Counter } from "prom-client";

const rejections = new Counter({
  name: "router_auth_rejections_total",
  help: "Requests refused by the router's authentication step, by reason",
  labelNames: ["reason"] as const,
  registers: [metricsRegistry],
});

export const recordAuthRejection = (reason: string) => rejections.inc({ reason });
