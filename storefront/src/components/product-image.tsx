// A product photo that gives way to a neutral placeholder when the image host cannot deliver it,
// so a missing picture never leaves broken-image alt text in the layout.
import { useState } from "react";

export function ProductImage(props: {
  url: string | undefined;
  alt: string;
  width: number;
  height: number;
  lazy?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  if (!props.url || failed) return <div className="img-placeholder" role="img" aria-label={props.alt} />;
  return (
    <img
      src={props.url}
      alt={props.alt}
      width={props.width}
      height={props.height}
      loading={props.lazy ? "lazy" : "eager"}
      onError={() => setFailed(true)}
    />
  );
}
