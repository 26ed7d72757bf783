// POSTs a GraphQL body and returns the answer's text; an HTTP failure or a GraphQL error throws,
// so a bench never measures on top of a set-up step that went wrong.
import { isGraphQLFailure } from "../load/stats.js";

export async function postGraphQL(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const answer = await response.text();
  if (isGraphQLFailure(response.status, answer)) throw new Error(`HTTP ${response.status} ${answer.slice(0, 400)}`);
  return answer;
}
