// Catalog reads: home, search with facets, product page.
import { graphql } from "../gql";

export const ProductCardFields = graphql(`
  fragment ProductCardFields on Product {
    id
    slug
    name
    brand {
      id
      name
    }
    images {
      url
      alt
    }
    priceRange {
      min {
        amount
        currency
      }
    }
  }
`);

export const HomePageQuery = graphql(`
  query HomePage {
    trending(first: 8) {
      ...ProductCardFields
    }
    newIn: products(first: 8, sort: NEWEST) {
      edges {
        node {
          ...ProductCardFields
        }
      }
    }
  }
`);

export const PersonalPicksQuery = graphql(`
  query PersonalPicks {
    me {
      id
      recommendedProducts(first: 8) {
        ...ProductCardFields
      }
    }
  }
`);

export const SearchProductsQuery = graphql(`
  query SearchProducts($search: String, $filter: ProductFilter, $sort: ProductSort, $after: String) {
    products(search: $search, filter: $filter, sort: $sort, first: 12, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...ProductCardFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        brands {
          brand {
            id
            name
          }
          count
        }
        categories {
          category {
            id
            name
          }
          count
        }
        sizes {
          value
          count
        }
        colours {
          value
          count
        }
        priceBands {
          min
          max
          count
        }
      }
    }
  }
`);

export const ProductPageQuery = graphql(`
  query ProductPage($slug: String!) {
    product(slug: $slug) {
      id
      slug
      name
      description
      status
      brand {
        id
        name
      }
      images {
        url
        alt
      }
      variants {
        id
        sku
        size
        colour
        availability
        price {
          amount
          currency
        }
        compareAtPrice {
          amount
          currency
        }
      }
      # Deferred: the page paints before recommendations answers, and an outage of it leaves the
      # rest of the page (the router sends this part later, with its own errors).
      ... @defer(label: "recommendations") {
        recommendations(first: 4) {
          ...ProductCardFields
        }
      }
    }
  }
`);
