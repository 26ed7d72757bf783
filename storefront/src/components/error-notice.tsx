// A failed or partly failed read: a sentence for the shopper and a retry, never raw error JSON.
import type { ErrorLike } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { messageFor } from "../user-errors";

function codeOf(error: ErrorLike): string | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.extensions?.code as string | undefined;
  return "SUBGRAPH_UNAVAILABLE";
}

export function ErrorNotice({ error, retry, partial }: { error: ErrorLike; retry?: () => void; partial?: boolean }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {partial ? "Some of this page couldn't be loaded. " : ""}
        {messageFor(codeOf(error))}
      </p>
      {retry && (
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      )}
    </div>
  );
}
