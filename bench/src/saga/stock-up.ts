// Enough stock that no bench order is rejected: `quantity` more of every variant at wh-ber,
// received through inventory's own mutation (a movement like any other) as an operator would.
import { signIdentityHeaders } from "@shopstream/kernel";
import { subgraphUrl } from "../support/subgraphs.js";

export async function stockUp(secret: string, variantIds: string[], quantity: number): Promise<void> {
  const headers = {
    "content-type": "application/json",
    ...signIdentityHeaders({ userId: "bench-ops", sessionId: null, scopes: ["inventory:write"] }, secret),
  };
  for (const variantId of variantIds) {
    const response = await fetch(subgraphUrl("inventory"), {
      method: "POST",
      headers,
      body: JSON.stringify({
        query: `mutation ($input: ReceiveStockInput!) { receiveStock(input: $input) { userErrors { code message } } }`,
        variables: { input: { variantId, warehouseId: "wh-ber", quantity, reason: "saga capacity bench" } },
      }),
    });
    const answer = (await response.json()) as { data?: { receiveStock?: { userErrors: unknown[] } }; errors?: unknown };
    if (answer.errors || answer.data?.receiveStock?.userErrors.length !== 0)
      throw new Error(`receiveStock failed for ${variantId}: ${JSON.stringify(answer).slice(0, 300)}`);
  }
}
