// Product page: images, variants by size and colour, price, availability from inventory, add to
// basket, and what customers also bought. A failed part (say, recommendations) leaves the rest.
import type { ErrorLike } from "@apollo/client";
import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { useAuth } from "../auth/auth-context";
import { rememberGuestCartToken } from "../cart/cart-token";
import { useCart } from "../cart/use-cart";
import { ErrorNotice } from "../components/error-notice";
import { ProductGrid } from "../components/product-card";
import { ProductImage } from "../components/product-image";
import type { ProductCardFieldsFragment } from "../gql/graphql";
import { formatMoney } from "../money";
import { AddToCartMutation, CartQuery } from "../operations/cart";
import { ProductPageQuery } from "../operations/products";
import { messageFor } from "../user-errors";

const availabilityText = { IN_STOCK: "In stock", LOW_STOCK: "Only a few left", OUT_OF_STOCK: "Out of stock" } as const;
const unique = (values: string[]) => [...new Set(values)];

export function ProductPage() {
  const { slug = "" } = useParams();
  const result = useQuery(ProductPageQuery, { variables: { slug } });
  const product = result.data?.product;
  const { status } = useAuth();
  const { cartToken } = useCart();
  const [size, setSize] = useState<string | null>(null);
  const [colour, setColour] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [addToCart, adding] = useMutation(AddToCartMutation);

  if (result.loading && !product) return <p aria-live="polite">Loading…</p>;
  if (!product)
    return result.error ? (
      <ErrorNotice error={result.error} retry={() => result.refetch()} />
    ) : (
      <h1>We couldn't find that product</h1>
    );

  const sizes = unique(product.variants.map((v) => v.size));
  const colours = unique(product.variants.map((v) => v.colour));
  const chosenSize = size ?? sizes[0];
  const chosenColour = colour ?? colours[0];
  const variant = product.variants.find((v) => v.size === chosenSize && v.colour === chosenColour);

  const add = async () => {
    if (!variant) return;
    setMessage(null);
    // The payload is what matters: with it the line was added, even if a nested field of the
    // answer failed; a network failure rejects and says so.
    const payload = await addToCart({
      variables: {
        input: { variantId: variant.id, quantity: 1, cartToken: status === "signed-in" ? null : cartToken },
      },
      refetchQueries: [CartQuery],
    }).then(
      (result) => result.data?.addToCart,
      () => undefined,
    );
    if (!payload) return setMessage({ text: messageFor(null), error: true });
    if (payload.userErrors.length > 0)
      return setMessage({ text: messageFor(payload.userErrors[0]?.code), error: true });
    if (status !== "signed-in") rememberGuestCartToken(payload.cart?.token);
    setMessage({ text: "Added to your basket.", error: false });
  };

  return (
    <article className="product">
      {result.error && <ErrorNotice error={result.error} retry={() => result.refetch()} partial />}
      <div className="gallery">
        {(product.images.length > 0 ? product.images : [{ url: undefined, alt: product.name }]).map((image, index) => (
          <ProductImage key={image.url ?? index} url={image.url} alt={image.alt} width={600} height={800} />
        ))}
      </div>
      <div className="details">
        <p className="card-brand">{product.brand.name}</p>
        <h1>{product.name}</h1>
        {variant && (
          <p className="price">
            {formatMoney(variant.price)}
            {variant.compareAtPrice && (
              <>
                {" "}
                <span className="visually-hidden">was</span>
                <s>{formatMoney(variant.compareAtPrice)}</s>
              </>
            )}
          </p>
        )}
        <OptionPicker legend="Size" name="size" values={sizes} chosen={chosenSize} choose={setSize} />
        <OptionPicker legend="Colour" name="colour" values={colours} chosen={chosenColour} choose={setColour} />
        <p className="availability" data-testid="availability">
          {variant ? availabilityText[variant.availability] : "This combination is not available"}
        </p>
        <button
          type="button"
          className="primary"
          disabled={!variant || variant.availability === "OUT_OF_STOCK" || adding.loading}
          onClick={() => void add()}
        >
          Add to basket
        </button>
        {message && (
          <p role={message.error ? "alert" : "status"} className={message.error ? "notice notice-error" : "notice"}>
            {message.text}
          </p>
        )}
        <p>{product.description}</p>
      </div>
      <CustomersAlsoBought
        products={"recommendations" in product ? product.recommendations : undefined}
        pending={result.dataState === "streaming"}
        error={result.error}
        retry={() => result.refetch()}
      />
    </article>
  );
}

/** The page query's deferred part: absent while it streams in, or when recommendations failed. */
function CustomersAlsoBought(props: {
  products: readonly ProductCardFieldsFragment[] | undefined;
  pending: boolean;
  error: ErrorLike | undefined;
  retry: () => void;
}) {
  const products = props.products ?? [];
  const failed = props.error !== undefined && !props.pending && props.products === undefined;
  if (!failed && products.length === 0) return null;
  return (
    <section aria-labelledby="also-bought" className="also-bought">
      <h2 id="also-bought">Customers also bought</h2>
      {failed && props.error && <ErrorNotice error={props.error} retry={props.retry} partial />}
      {products.length > 0 && <ProductGrid products={products} label="Customers also bought" />}
    </section>
  );
}

function OptionPicker(props: {
  legend: string;
  name: string;
  values: string[];
  chosen: string | undefined;
  choose: (value: string) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.values.map((value) => (
        <label key={value} className="chip">
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={value === props.chosen}
            onChange={() => props.choose(value)}
          />
          {value}
        </label>
      ))}
    </fieldset>
  );
}
