// OpenTelemetry tracing. Exporters come from the standard OTEL_* variables (OTLP over HTTP when
// OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set); none by default.
// Tests pass their own in-memory exporter.
import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanExporter, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

let provider: NodeTracerProvider | undefined;

export function initTracing(service: string, options: { processors?: SpanProcessor[] } = {}): void {
  if (provider) return;
  // A previous registration in this process (another test file, a re-init) would otherwise win.
  trace.disable();
  context.disable();
  propagation.disable();
  const processors = [...(options.processors ?? [])];
  const exporter = otlpExporterFromEnv();
  if (exporter) processors.push(new BatchSpanProcessor(exporter));
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": service }),
    spanProcessors: processors,
  });
  provider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new W3CTraceContextPropagator(),
  });
}

export async function shutdownTracing(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
}

function otlpExporterFromEnv(): SpanExporter | undefined {
  if (process.env.OTEL_TRACES_EXPORTER === "none") return undefined;
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT && !process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return undefined;
  return new OTLPTraceExporter();
}

export const tracer = () => trace.getTracer("shopstream");

/** Runs fn in a child span of the active context (or of `parent` headers), recording failures. */
export async function withSpan<T>(
  name: string,
  options: {
    kind?: SpanKind;
    attributes?: Record<string, string | number | boolean>;
    parent?: Record<string, string | undefined>;
  },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parentContext = options.parent ? propagation.extract(context.active(), options.parent) : context.active();
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parentContext,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The active context as a W3C `traceparent` value, for event envelopes and outgoing headers. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

export function currentTraceIds(): { traceId?: string; spanId?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : {};
}

export { SpanKind };
