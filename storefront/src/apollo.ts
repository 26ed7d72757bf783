// Apollo Client for the router: every operation goes by its registered id (the router enforces
// trusted documents in production), with the shopper's access token when signed in.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { Defer20220824Handler } from "@apollo/client/incremental";
import { SetContextLink } from "@apollo/client/link/context";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { currentAccessToken } from "./auth/session";
import { persistedId } from "./persisted-hashes";

export function createApolloClient() {
  const auth = new SetContextLink(async (previous) => {
    const token = await currentAccessToken();
    return token ? { headers: { ...previous.headers, authorization: `Bearer ${token}` } } : {};
  });
  // Registered documents only: never fall back to sending the text.
  const persisted = new PersistedQueryLink({ generateHash: persistedId, retry: () => false, disable: () => false });
  return new ApolloClient({
    link: ApolloLink.from([auth, persisted, new HttpLink({ uri: "/graphql" })]),
    // @defer parts as the router sends them (multipart/mixed, deferSpec=20220824).
    incrementalHandler: new Defer20220824Handler(),
    cache: new InMemoryCache({
      typePolicies: {
        // Search pages append on "Load more" (cursor pagination); each filter set is its own list.
        Query: {
          fields: {
            products: {
              keyArgs: ["search", "filter", "sort"],
              merge(existing, incoming, { args }) {
                if (!existing || !args?.after) return incoming;
                return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
              },
            },
          },
        },
        Cart: { fields: { lines: { merge: false } } },
        Money: { keyFields: false },
        Totals: { keyFields: false },
      },
    }),
    // Mutations too: a mutation that ran but whose answer carries an error on some nested field
    // (a slow subgraph) resolves with its payload instead of rejecting, so the page can say it worked.
    defaultOptions: {
      watchQuery: { errorPolicy: "all" },
      query: { errorPolicy: "all" },
      mutate: { errorPolicy: "all" },
    },
  });
}

// Pages render what arrived and say what is missing, so partial data is the default everywhere.
declare module "@apollo/client" {
  namespace ApolloClient {
    namespace DeclareDefaultOptions {
      interface WatchQuery {
        errorPolicy: "all";
      }
      interface Query {
        errorPolicy: "all";
      }
      interface Mutate {
        errorPolicy: "all";
      }
    }
  }
}
