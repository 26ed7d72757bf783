// The storefront operations the scenarios send: what a shopper's browser would send to /graphql.
// Every operation is named, so the limit baseline can answer it from recorded bytes.

export const SEARCH = `query Search($search: String!) {
  products(search: $search, first: 12) {
    totalCount
    edges { node { id slug name brand { name } priceRange { min { amount currency } } images { url alt } } }
    facets { brands { count brand { id name } } }
  }
}`;

/** catalog (product, variants) + inventory (availability) + recommendations (→ catalog again). */
export const PRODUCT_PAGE = `query ProductPage($id: ID!) {
  product(id: $id) {
    id name description brand { name }
    priceRange { min { amount currency } max { amount currency } }
    images { url alt }
    variants { id sku size colour price { amount currency } compareAtPrice { amount currency } availability }
    recommendations(first: 4) { id name slug priceRange { min { amount currency } } }
  }
}`;

const CART = "cart { id token totals { total { amount currency } } } userErrors { code message }";
export const ADD_TO_CART = `mutation AddToCart($input: AddToCartInput!) { addToCart(input: $input) { ${CART} } }`;
export const SET_CHECKOUT = `mutation SetCheckout($input: SetCheckoutDetailsInput!) { setCheckoutDetails(input: $input) { ${CART} } }`;
export const PLACE_ORDER = `mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code message } } }`;

export const SEARCH_TERMS = ["dress", "jacket", "shirt", "denim", "wool", "linen", "sneaker", "coat", "knit", "boot"];

export const shippingAddress = {
  name: "Bench Shopper",
  line1: "1 Load Street",
  city: "London",
  postalCode: "N1 1AA",
  country: "GB",
};

export function body(query: string, variables: Record<string, unknown>): string {
  const operationName = /^(?:query|mutation) (\w+)/.exec(query)![1];
  return JSON.stringify({ query, operationName, variables });
}
