// Word lists for the generated catalog. Brands are invented; everything else is ordinary fashion
// vocabulary so search, facets and the benchmark see realistic text.

export const brandNames = [
  "Northwind Atelier",
  "Maison Verre",
  "Kestrel & Co",
  "Oakline",
  "Fjord Supply",
  "Lumen Studio",
  "Bramble",
  "Corsa",
  "Hollis Row",
  "Atlas Knit",
  "Saltmarsh",
  "Vireo",
  "Marlowe",
  "Ember & Ash",
  "Tidewell",
  "Quill Denim",
  "Halden",
  "Pelorus",
  "Amber Lane",
  "Rowan Field",
];

export interface CategorySpec {
  slug: string;
  name: string;
  parent?: string;
  /** Garments in this category; a product name ends with one of them. */
  nouns?: string[];
  sizes?: "apparel" | "waist" | "shoe" | "one";
  /** Typical price range in euros. */
  price?: [number, number];
}

export const categorySpecs: CategorySpec[] = [
  { slug: "women", name: "Women" },
  { slug: "men", name: "Men" },
  { slug: "accessories", name: "Accessories" },
  { slug: "shoes", name: "Shoes" },
  {
    slug: "women-dresses",
    name: "Dresses",
    parent: "women",
    nouns: ["Wrap Dress", "Midi Dress", "Slip Dress", "Shirt Dress", "Maxi Dress"],
    sizes: "apparel",
    price: [59, 229],
  },
  {
    slug: "women-tops",
    name: "Tops",
    parent: "women",
    nouns: ["Blouse", "Camisole", "Tank Top", "Tee", "Bodysuit"],
    sizes: "apparel",
    price: [25, 99],
  },
  {
    slug: "women-knitwear",
    name: "Knitwear",
    parent: "women",
    nouns: ["Cardigan", "Crewneck Sweater", "Turtleneck", "Knit Vest"],
    sizes: "apparel",
    price: [49, 249],
  },
  {
    slug: "women-jeans",
    name: "Jeans",
    parent: "women",
    nouns: ["Straight Jeans", "Wide-Leg Jeans", "Skinny Jeans", "Mom Jeans"],
    sizes: "waist",
    price: [59, 149],
  },
  {
    slug: "women-coats-jackets",
    name: "Coats & Jackets",
    parent: "women",
    nouns: ["Trench Coat", "Wool Coat", "Puffer Jacket", "Blazer"],
    sizes: "apparel",
    price: [89, 449],
  },
  {
    slug: "women-skirts",
    name: "Skirts",
    parent: "women",
    nouns: ["Pleated Skirt", "Midi Skirt", "Mini Skirt", "Denim Skirt"],
    sizes: "apparel",
    price: [39, 139],
  },
  {
    slug: "men-shirts",
    name: "Shirts",
    parent: "men",
    nouns: ["Oxford Shirt", "Overshirt", "Flannel Shirt", "Camp Collar Shirt"],
    sizes: "apparel",
    price: [39, 129],
  },
  {
    slug: "men-t-shirts",
    name: "T-Shirts",
    parent: "men",
    nouns: ["T-Shirt", "Henley", "Polo Shirt", "Long-Sleeve Tee"],
    sizes: "apparel",
    price: [19, 69],
  },
  {
    slug: "men-knitwear",
    name: "Knitwear",
    parent: "men",
    nouns: ["Crewneck Jumper", "Quarter-Zip Sweater", "Cable Knit Sweater", "Cardigan"],
    sizes: "apparel",
    price: [49, 219],
  },
  {
    slug: "men-trousers",
    name: "Trousers",
    parent: "men",
    nouns: ["Chinos", "Pleated Trousers", "Cargo Trousers", "Slim Jeans"],
    sizes: "waist",
    price: [49, 159],
  },
  {
    slug: "men-jackets",
    name: "Jackets",
    parent: "men",
    nouns: ["Bomber Jacket", "Field Jacket", "Harrington Jacket", "Parka"],
    sizes: "apparel",
    price: [99, 399],
  },
  {
    slug: "accessories-bags",
    name: "Bags",
    parent: "accessories",
    nouns: ["Tote Bag", "Crossbody Bag", "Backpack", "Weekender"],
    sizes: "one",
    price: [39, 299],
  },
  {
    slug: "accessories-scarves",
    name: "Scarves",
    parent: "accessories",
    nouns: ["Scarf", "Bandana", "Wrap"],
    sizes: "one",
    price: [19, 119],
  },
  {
    slug: "accessories-belts",
    name: "Belts",
    parent: "accessories",
    nouns: ["Leather Belt", "Woven Belt", "Chain Belt"],
    sizes: "one",
    price: [25, 89],
  },
  {
    slug: "accessories-hats",
    name: "Hats",
    parent: "accessories",
    nouns: ["Beanie", "Bucket Hat", "Baseball Cap", "Fedora"],
    sizes: "one",
    price: [15, 79],
  },
  {
    slug: "shoes-sneakers",
    name: "Sneakers",
    parent: "shoes",
    nouns: ["Court Sneaker", "Runner", "High-Top Sneaker", "Slip-On"],
    sizes: "shoe",
    price: [59, 179],
  },
  {
    slug: "shoes-boots",
    name: "Boots",
    parent: "shoes",
    nouns: ["Chelsea Boot", "Lace-Up Boot", "Ankle Boot", "Hiking Boot"],
    sizes: "shoe",
    price: [89, 289],
  },
];

export const styleNames = [
  "Alma",
  "Bay",
  "Cleo",
  "Dune",
  "Esme",
  "Fen",
  "Greta",
  "Harbour",
  "Isla",
  "Juno",
  "Kit",
  "Lark",
  "Mira",
  "Nico",
  "Orla",
  "Piper",
  "Quinn",
  "Rhea",
  "Sol",
  "Tove",
  "Uma",
  "Vale",
  "Wren",
  "Yara",
];

export const materials = [
  "Linen",
  "Organic Cotton",
  "Merino",
  "Cashmere-Blend",
  "Washed Silk",
  "Recycled Wool",
  "Corduroy",
  "Poplin",
  "Jersey",
  "Ribbed",
  "Quilted",
  "Suede",
  "Canvas",
  "Tencel",
  "Seersucker",
  "Waxed Cotton",
];

export const colours = [
  "Black",
  "White",
  "Navy",
  "Ecru",
  "Camel",
  "Olive",
  "Burgundy",
  "Sage",
  "Rust",
  "Charcoal",
  "Sky Blue",
  "Blush",
];

export const sizeRuns = {
  apparel: ["XS", "S", "M", "L", "XL"],
  waist: ["26", "28", "30", "32", "34", "36"],
  shoe: ["37", "38", "39", "40", "41", "42", "43", "44"],
  one: ["One Size"],
};

export const fits = ["relaxed", "tailored", "easy", "cropped", "oversized", "classic", "slim"];
export const occasions = [
  "weekends away",
  "the office",
  "warm evenings",
  "city days",
  "layering through autumn",
  "everyday wear",
];
export const careNotes = [
  "Machine wash cold.",
  "Hand wash only.",
  "Dry clean recommended.",
  "Wipe clean with a damp cloth.",
];
