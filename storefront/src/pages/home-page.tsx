import { useQuery } from "@apollo/client/react";
import { useAuth } from "../auth/auth-context";
import { ErrorNotice } from "../components/error-notice";
import { ProductGrid } from "../components/product-card";
import { HomePageQuery, PersonalPicksQuery } from "../operations/products";

export function HomePage() {
  const { status } = useAuth();
  const trending = useQuery(HomePageQuery);
  const picks = useQuery(PersonalPicksQuery, { skip: status !== "signed-in" });
  // A shop with no sales yet (or none today) shows what is new instead.
  const hot = trending.data?.trending ?? [];
  const newIn = trending.data?.newIn?.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1>{hot.length > 0 || !trending.data ? "Trending now" : "New in"}</h1>
      {trending.error && (
        <ErrorNotice error={trending.error} retry={() => trending.refetch()} partial={Boolean(trending.data)} />
      )}
      {trending.loading && !trending.data && <p aria-live="polite">Loading…</p>}
      {trending.data && <ProductGrid products={hot.length > 0 ? hot : newIn} label="Featured products" />}
      {status === "signed-in" && (
        <section aria-labelledby="picks">
          <h2 id="picks">Picked for you</h2>
          {picks.error && <ErrorNotice error={picks.error} retry={() => picks.refetch()} />}
          {picks.data && <ProductGrid products={picks.data.me.recommendedProducts} label="Picked for you" />}
        </section>
      )}
    </>
  );
}
