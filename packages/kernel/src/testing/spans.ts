// The span exporter and processor tests hand to initTracing, from the kernel's own OpenTelemetry
// SDK: the root node_modules may hoist another major version, whose types do not fit the kernel's.
export { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
