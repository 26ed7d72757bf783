/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CartFields on Cart {\n    id\n    token\n    shippingMethod\n    shippingAddress {\n      name\n      line1\n      line2\n      city\n      postalCode\n      country\n    }\n    lines {\n      quantity\n      available\n      productName\n      sku\n      unitPrice {\n        amount\n        currency\n      }\n      lineTotal {\n        amount\n        currency\n      }\n      variant {\n        id\n        size\n        colour\n      }\n    }\n    totals {\n      subtotal {\n        amount\n        currency\n      }\n      shipping {\n        amount\n        currency\n      }\n      tax {\n        amount\n        currency\n      }\n      total {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.CartFieldsFragmentDoc,
    "\n  fragment CartPayloadFields on CartPayload {\n    cart {\n      ...CartFields\n    }\n    notices\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n": typeof types.CartPayloadFieldsFragmentDoc,
    "\n  query Cart($cartToken: String) {\n    cart(cartToken: $cartToken) {\n      ...CartFields\n    }\n  }\n": typeof types.CartDocument,
    "\n  mutation AddToCart($input: AddToCartInput!) {\n    addToCart(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n": typeof types.AddToCartDocument,
    "\n  mutation UpdateCartLine($input: UpdateCartLineInput!) {\n    updateCartLine(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n": typeof types.UpdateCartLineDocument,
    "\n  mutation MergeGuestCart($cartToken: String!) {\n    mergeGuestCart(cartToken: $cartToken) {\n      ...CartPayloadFields\n    }\n  }\n": typeof types.MergeGuestCartDocument,
    "\n  mutation SetCheckoutDetails($input: SetCheckoutDetailsInput!) {\n    setCheckoutDetails(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n": typeof types.SetCheckoutDetailsDocument,
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.PlaceOrderDocument,
    "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      cancellationReason\n      cancellationDetail\n      payment {\n        status\n      }\n    }\n  }\n": typeof types.OrderStatusChangedDocument,
    "\n  query OrderStatus($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      placedAt\n      cancellationReason\n      cancellationDetail\n      payment {\n        status\n      }\n      lines {\n        productName\n        sku\n        quantity\n        lineTotal {\n          amount\n          currency\n        }\n      }\n      totals {\n        total {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": typeof types.OrderStatusDocument,
    "\n  query OrderHistory($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            placedAt\n            status\n            totals {\n              total {\n                amount\n                currency\n              }\n            }\n            lines {\n              productName\n              quantity\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.OrderHistoryDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  fragment ProductCardFields on Product {\n    id\n    slug\n    name\n    brand {\n      id\n      name\n    }\n    images {\n      url\n      alt\n    }\n    priceRange {\n      min {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.ProductCardFieldsFragmentDoc,
    "\n  query HomePage {\n    trending(first: 8) {\n      ...ProductCardFields\n    }\n    newIn: products(first: 8, sort: NEWEST) {\n      edges {\n        node {\n          ...ProductCardFields\n        }\n      }\n    }\n  }\n": typeof types.HomePageDocument,
    "\n  query PersonalPicks {\n    me {\n      id\n      recommendedProducts(first: 8) {\n        ...ProductCardFields\n      }\n    }\n  }\n": typeof types.PersonalPicksDocument,
    "\n  query SearchProducts($search: String, $filter: ProductFilter, $sort: ProductSort, $after: String) {\n    products(search: $search, filter: $filter, sort: $sort, first: 12, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ProductCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        brands {\n          brand {\n            id\n            name\n          }\n          count\n        }\n        categories {\n          category {\n            id\n            name\n          }\n          count\n        }\n        sizes {\n          value\n          count\n        }\n        colours {\n          value\n          count\n        }\n        priceBands {\n          min\n          max\n          count\n        }\n      }\n    }\n  }\n": typeof types.SearchProductsDocument,
    "\n  query ProductPage($slug: String!) {\n    product(slug: $slug) {\n      id\n      slug\n      name\n      description\n      status\n      brand {\n        id\n        name\n      }\n      images {\n        url\n        alt\n      }\n      variants {\n        id\n        sku\n        size\n        colour\n        availability\n        price {\n          amount\n          currency\n        }\n        compareAtPrice {\n          amount\n          currency\n        }\n      }\n      # Deferred: the page paints before recommendations answers, and an outage of it leaves the\n      # rest of the page (the router sends this part later, with its own errors).\n      ... @defer(label: \"recommendations\") {\n        recommendations(first: 4) {\n          ...ProductCardFields\n        }\n      }\n    }\n  }\n": typeof types.ProductPageDocument,
};
const documents: Documents = {
    "\n  fragment CartFields on Cart {\n    id\n    token\n    shippingMethod\n    shippingAddress {\n      name\n      line1\n      line2\n      city\n      postalCode\n      country\n    }\n    lines {\n      quantity\n      available\n      productName\n      sku\n      unitPrice {\n        amount\n        currency\n      }\n      lineTotal {\n        amount\n        currency\n      }\n      variant {\n        id\n        size\n        colour\n      }\n    }\n    totals {\n      subtotal {\n        amount\n        currency\n      }\n      shipping {\n        amount\n        currency\n      }\n      tax {\n        amount\n        currency\n      }\n      total {\n        amount\n        currency\n      }\n    }\n  }\n": types.CartFieldsFragmentDoc,
    "\n  fragment CartPayloadFields on CartPayload {\n    cart {\n      ...CartFields\n    }\n    notices\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n": types.CartPayloadFieldsFragmentDoc,
    "\n  query Cart($cartToken: String) {\n    cart(cartToken: $cartToken) {\n      ...CartFields\n    }\n  }\n": types.CartDocument,
    "\n  mutation AddToCart($input: AddToCartInput!) {\n    addToCart(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n": types.AddToCartDocument,
    "\n  mutation UpdateCartLine($input: UpdateCartLineInput!) {\n    updateCartLine(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n": types.UpdateCartLineDocument,
    "\n  mutation MergeGuestCart($cartToken: String!) {\n    mergeGuestCart(cartToken: $cartToken) {\n      ...CartPayloadFields\n    }\n  }\n": types.MergeGuestCartDocument,
    "\n  mutation SetCheckoutDetails($input: SetCheckoutDetailsInput!) {\n    setCheckoutDetails(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n": types.SetCheckoutDetailsDocument,
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.PlaceOrderDocument,
    "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      cancellationReason\n      cancellationDetail\n      payment {\n        status\n      }\n    }\n  }\n": types.OrderStatusChangedDocument,
    "\n  query OrderStatus($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      placedAt\n      cancellationReason\n      cancellationDetail\n      payment {\n        status\n      }\n      lines {\n        productName\n        sku\n        quantity\n        lineTotal {\n          amount\n          currency\n        }\n      }\n      totals {\n        total {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": types.OrderStatusDocument,
    "\n  query OrderHistory($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            placedAt\n            status\n            totals {\n              total {\n                amount\n                currency\n              }\n            }\n            lines {\n              productName\n              quantity\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.OrderHistoryDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n": types.SignOutDocument,
    "\n  fragment ProductCardFields on Product {\n    id\n    slug\n    name\n    brand {\n      id\n      name\n    }\n    images {\n      url\n      alt\n    }\n    priceRange {\n      min {\n        amount\n        currency\n      }\n    }\n  }\n": types.ProductCardFieldsFragmentDoc,
    "\n  query HomePage {\n    trending(first: 8) {\n      ...ProductCardFields\n    }\n    newIn: products(first: 8, sort: NEWEST) {\n      edges {\n        node {\n          ...ProductCardFields\n        }\n      }\n    }\n  }\n": types.HomePageDocument,
    "\n  query PersonalPicks {\n    me {\n      id\n      recommendedProducts(first: 8) {\n        ...ProductCardFields\n      }\n    }\n  }\n": types.PersonalPicksDocument,
    "\n  query SearchProducts($search: String, $filter: ProductFilter, $sort: ProductSort, $after: String) {\n    products(search: $search, filter: $filter, sort: $sort, first: 12, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ProductCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        brands {\n          brand {\n            id\n            name\n          }\n          count\n        }\n        categories {\n          category {\n            id\n            name\n          }\n          count\n        }\n        sizes {\n          value\n          count\n        }\n        colours {\n          value\n          count\n        }\n        priceBands {\n          min\n          max\n          count\n        }\n      }\n    }\n  }\n": types.SearchProductsDocument,
    "\n  query ProductPage($slug: String!) {\n    product(slug: $slug) {\n      id\n      slug\n      name\n      description\n      status\n      brand {\n        id\n        name\n      }\n      images {\n        url\n        alt\n      }\n      variants {\n        id\n        sku\n        size\n        colour\n        availability\n        price {\n          amount\n          currency\n        }\n        compareAtPrice {\n          amount\n          currency\n        }\n      }\n      # Deferred: the page paints before recommendations answers, and an outage of it leaves the\n      # rest of the page (the router sends this part later, with its own errors).\n      ... @defer(label: \"recommendations\") {\n        recommendations(first: 4) {\n          ...ProductCardFields\n        }\n      }\n    }\n  }\n": types.ProductPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CartFields on Cart {\n    id\n    token\n    shippingMethod\n    shippingAddress {\n      name\n      line1\n      line2\n      city\n      postalCode\n      country\n    }\n    lines {\n      quantity\n      available\n      productName\n      sku\n      unitPrice {\n        amount\n        currency\n      }\n      lineTotal {\n        amount\n        currency\n      }\n      variant {\n        id\n        size\n        colour\n      }\n    }\n    totals {\n      subtotal {\n        amount\n        currency\n      }\n      shipping {\n        amount\n        currency\n      }\n      tax {\n        amount\n        currency\n      }\n      total {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CartFields on Cart {\n    id\n    token\n    shippingMethod\n    shippingAddress {\n      name\n      line1\n      line2\n      city\n      postalCode\n      country\n    }\n    lines {\n      quantity\n      available\n      productName\n      sku\n      unitPrice {\n        amount\n        currency\n      }\n      lineTotal {\n        amount\n        currency\n      }\n      variant {\n        id\n        size\n        colour\n      }\n    }\n    totals {\n      subtotal {\n        amount\n        currency\n      }\n      shipping {\n        amount\n        currency\n      }\n      tax {\n        amount\n        currency\n      }\n      total {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CartPayloadFields on CartPayload {\n    cart {\n      ...CartFields\n    }\n    notices\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n"): (typeof documents)["\n  fragment CartPayloadFields on CartPayload {\n    cart {\n      ...CartFields\n    }\n    notices\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cart($cartToken: String) {\n    cart(cartToken: $cartToken) {\n      ...CartFields\n    }\n  }\n"): (typeof documents)["\n  query Cart($cartToken: String) {\n    cart(cartToken: $cartToken) {\n      ...CartFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToCart($input: AddToCartInput!) {\n    addToCart(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddToCart($input: AddToCartInput!) {\n    addToCart(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCartLine($input: UpdateCartLineInput!) {\n    updateCartLine(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCartLine($input: UpdateCartLineInput!) {\n    updateCartLine(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeGuestCart($cartToken: String!) {\n    mergeGuestCart(cartToken: $cartToken) {\n      ...CartPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation MergeGuestCart($cartToken: String!) {\n    mergeGuestCart(cartToken: $cartToken) {\n      ...CartPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCheckoutDetails($input: SetCheckoutDetailsInput!) {\n    setCheckoutDetails(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetCheckoutDetails($input: SetCheckoutDetailsInput!) {\n    setCheckoutDetails(input: $input) {\n      ...CartPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      cancellationReason\n      cancellationDetail\n      payment {\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      cancellationReason\n      cancellationDetail\n      payment {\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderStatus($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      placedAt\n      cancellationReason\n      cancellationDetail\n      payment {\n        status\n      }\n      lines {\n        productName\n        sku\n        quantity\n        lineTotal {\n          amount\n          currency\n        }\n      }\n      totals {\n        total {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderStatus($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      placedAt\n      cancellationReason\n      cancellationDetail\n      payment {\n        status\n      }\n      lines {\n        productName\n        sku\n        quantity\n        lineTotal {\n          amount\n          currency\n        }\n      }\n      totals {\n        total {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderHistory($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            placedAt\n            status\n            totals {\n              total {\n                amount\n                currency\n              }\n            }\n            lines {\n              productName\n              quantity\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderHistory($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            placedAt\n            status\n            totals {\n              total {\n                amount\n                currency\n              }\n            }\n            lines {\n              productName\n              quantity\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductCardFields on Product {\n    id\n    slug\n    name\n    brand {\n      id\n      name\n    }\n    images {\n      url\n      alt\n    }\n    priceRange {\n      min {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ProductCardFields on Product {\n    id\n    slug\n    name\n    brand {\n      id\n      name\n    }\n    images {\n      url\n      alt\n    }\n    priceRange {\n      min {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomePage {\n    trending(first: 8) {\n      ...ProductCardFields\n    }\n    newIn: products(first: 8, sort: NEWEST) {\n      edges {\n        node {\n          ...ProductCardFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HomePage {\n    trending(first: 8) {\n      ...ProductCardFields\n    }\n    newIn: products(first: 8, sort: NEWEST) {\n      edges {\n        node {\n          ...ProductCardFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonalPicks {\n    me {\n      id\n      recommendedProducts(first: 8) {\n        ...ProductCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonalPicks {\n    me {\n      id\n      recommendedProducts(first: 8) {\n        ...ProductCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchProducts($search: String, $filter: ProductFilter, $sort: ProductSort, $after: String) {\n    products(search: $search, filter: $filter, sort: $sort, first: 12, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ProductCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        brands {\n          brand {\n            id\n            name\n          }\n          count\n        }\n        categories {\n          category {\n            id\n            name\n          }\n          count\n        }\n        sizes {\n          value\n          count\n        }\n        colours {\n          value\n          count\n        }\n        priceBands {\n          min\n          max\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchProducts($search: String, $filter: ProductFilter, $sort: ProductSort, $after: String) {\n    products(search: $search, filter: $filter, sort: $sort, first: 12, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ProductCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        brands {\n          brand {\n            id\n            name\n          }\n          count\n        }\n        categories {\n          category {\n            id\n            name\n          }\n          count\n        }\n        sizes {\n          value\n          count\n        }\n        colours {\n          value\n          count\n        }\n        priceBands {\n          min\n          max\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPage($slug: String!) {\n    product(slug: $slug) {\n      id\n      slug\n      name\n      description\n      status\n      brand {\n        id\n        name\n      }\n      images {\n        url\n        alt\n      }\n      variants {\n        id\n        sku\n        size\n        colour\n        availability\n        price {\n          amount\n          currency\n        }\n        compareAtPrice {\n          amount\n          currency\n        }\n      }\n      # Deferred: the page paints before recommendations answers, and an outage of it leaves the\n      # rest of the page (the router sends this part later, with its own errors).\n      ... @defer(label: \"recommendations\") {\n        recommendations(first: 4) {\n          ...ProductCardFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProductPage($slug: String!) {\n    product(slug: $slug) {\n      id\n      slug\n      name\n      description\n      status\n      brand {\n        id\n        name\n      }\n      images {\n        url\n        alt\n      }\n      variants {\n        id\n        sku\n        size\n        colour\n        availability\n        price {\n          amount\n          currency\n        }\n        compareAtPrice {\n          amount\n          currency\n        }\n      }\n      # Deferred: the page paints before recommendations answers, and an outage of it leaves the\n      # rest of the page (the router sends this part later, with its own errors).\n      ... @defer(label: \"recommendations\") {\n        recommendations(first: 4) {\n          ...ProductCardFields\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;