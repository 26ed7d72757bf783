import { Link } from "react-router-dom";
import type { ProductCardFieldsFragment } from "../gql/graphql";
import { formatMoney } from "../money";
import { ProductImage } from "./product-image";

export function ProductCard({ product }: { product: ProductCardFieldsFragment }) {
  const image = product.images[0];
  return (
    <li className="card">
      <Link to={`/products/${product.slug}`}>
        <ProductImage url={image?.url} alt={image?.alt ?? product.name} width={300} height={400} lazy />
        <span className="card-brand">{product.brand.name}</span>
        <span className="card-name">{product.name}</span>
        <span className="card-price">from {formatMoney(product.priceRange.min)}</span>
      </Link>
    </li>
  );
}

export function ProductGrid({ products, label }: { products: readonly ProductCardFieldsFragment[]; label: string }) {
  return (
    <ul className="grid" aria-label={label}>
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ul>
  );
}
