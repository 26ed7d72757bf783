// Placing an order, following its status, the shopper's history and account.
import { graphql } from "../gql";

export const PlaceOrderMutation = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

// The order's status as the saga moves it (the router streams it over multipart HTTP); the
// normalised cache merges each event into the Order the page's query shows.
export const OrderStatusChangedSubscription = graphql(`
  subscription OrderStatusChanged($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) {
      id
      status
      cancellationReason
      cancellationDetail
      payment {
        status
      }
    }
  }
`);

export const OrderStatusQuery = graphql(`
  query OrderStatus($id: ID!) {
    order(id: $id) {
      id
      status
      placedAt
      cancellationReason
      cancellationDetail
      payment {
        status
      }
      lines {
        productName
        sku
        quantity
        lineTotal {
          amount
          currency
        }
      }
      totals {
        total {
          amount
          currency
        }
      }
    }
  }
`);

export const OrderHistoryQuery = graphql(`
  query OrderHistory($after: String) {
    me {
      id
      orders(first: 20, after: $after) {
        edges {
          cursor
          node {
            id
            placedAt
            status
            totals {
              total {
                amount
                currency
              }
            }
            lines {
              productName
              quantity
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      ok
    }
  }
`);
