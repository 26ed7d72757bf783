// Enough stock that no bench order is rejected: `quantity` more of every variant at wh-ber,
// received through inventory's own mutation (a movement like any other) as an operator would.
import { signIdentityHeaders } from "@shopstream/kernel";
import { postGraphQL } from "../support/post-graphql.js";
import { subgraphUrl } from "../support/subgraphs.js";

export async function stockUp(secret: string, variantIds: string[], quantity: number): Promise<void> {
  const headers = signIdentityHeaders({ userId: "bench-ops", sessionId: null, scopes: ["inventory:write"] }, secret);
  for (const variantId of variantIds) {
    const text = await postGraphQL(
      subgraphUrl("inventory"),
      JSON.stringify({
        query: `mutation ($input: ReceiveStockInput!) { receiveStock(input: $input) { userErrors { code message } } }`,
        variables: { input: { variantId, warehouseId: "wh-ber", quantity, reason: "saga capacity bench" } },
      }),
      headers,
    );
    const answer = JSON.parse(text) as { data?: { receiveStock?: { userErrors: unknown[] } } };
    if (answer.data?.receiveStock?.userErrors.length !== 0)
      throw new Error(`receiveStock failed for ${variantId}: ${JSON.stringify(answer).slice(0, 300)}`);
  }
}
