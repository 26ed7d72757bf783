// Records every GraphQL request's latency by operation name and outcome, and errors by code.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { metrics } from "../observability/metrics.js";

export function metricsPlugin<Ctx extends BaseContext>(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      const stopTimer = metrics.graphqlRequests.startTimer();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors)
            metrics.graphqlErrors.inc({ code: String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
        },
        async willSendResponse({ operationName, errors }) {
          stopTimer({ operation: operationName ?? "anonymous", outcome: errors?.length ? "error" : "ok" });
        },
      };
    },
  };
}
