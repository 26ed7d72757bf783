// Helpers shared by every workspace's tests, the e2e suites and the bench.
export { pgTransaction, uniqueName, waitFor } from "@shopstream/kernel/testing";
export * from "./counting-proxy.js";
export * from "./free-port.js";
export * from "./graphql-client.js";
export * from "./private-kafka.js";
export * from "./private-postgres.js";
export * from "./private-redis.js";
export * from "./process-usage.js";
export * from "./processes.js";
export * from "./ready-balancer.js";
export * from "./scratch-database.js";
export * from "./test-service.js";
export * from "./token-issuer.js";
export * from "./topic-observer.js";
