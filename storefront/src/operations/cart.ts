// The cart (a guest's by token, or the signed-in shopper's) and its changes.
import { graphql } from "../gql";

export const CartFields = graphql(`
  fragment CartFields on Cart {
    id
    token
    shippingMethod
    shippingAddress {
      name
      line1
      line2
      city
      postalCode
      country
    }
    lines {
      quantity
      available
      productName
      sku
      unitPrice {
        amount
        currency
      }
      lineTotal {
        amount
        currency
      }
      variant {
        id
        size
        colour
      }
    }
    totals {
      subtotal {
        amount
        currency
      }
      shipping {
        amount
        currency
      }
      tax {
        amount
        currency
      }
      total {
        amount
        currency
      }
    }
  }
`);

export const CartPayloadFields = graphql(`
  fragment CartPayloadFields on CartPayload {
    cart {
      ...CartFields
    }
    notices
    userErrors {
      code
      message
      field
    }
  }
`);

export const CartQuery = graphql(`
  query Cart($cartToken: String) {
    cart(cartToken: $cartToken) {
      ...CartFields
    }
  }
`);

export const AddToCartMutation = graphql(`
  mutation AddToCart($input: AddToCartInput!) {
    addToCart(input: $input) {
      ...CartPayloadFields
    }
  }
`);

export const UpdateCartLineMutation = graphql(`
  mutation UpdateCartLine($input: UpdateCartLineInput!) {
    updateCartLine(input: $input) {
      ...CartPayloadFields
    }
  }
`);

export const MergeGuestCartMutation = graphql(`
  mutation MergeGuestCart($cartToken: String!) {
    mergeGuestCart(cartToken: $cartToken) {
      ...CartPayloadFields
    }
  }
`);

export const SetCheckoutDetailsMutation = graphql(`
  mutation SetCheckoutDetails($input: SetCheckoutDetailsInput!) {
    setCheckoutDetails(input: $input) {
      ...CartPayloadFields
    }
  }
`);
