// URL slugs: one rule for the catalog and its seed.
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Linen Shirt – Navy" → "linen-shirt-navy" (accents dropped, everything else becomes dashes). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/, "");
}
