-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ProductStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_event" (
    "consumer" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "product_attribute" (
    "product_id" TEXT NOT NULL,
    "brand_id" TEXT,
    "category_ids" TEXT[],
    "status" "ProductStatus" NOT NULL,
    "source_time" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_attribute_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "applied_order" (
    "order_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "applied_order_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "co_purchase" (
    "product_id" TEXT NOT NULL,
    "other_product_id" TEXT NOT NULL,
    "order_count" INTEGER NOT NULL,

    CONSTRAINT "co_purchase_pkey" PRIMARY KEY ("product_id","other_product_id")
);

-- CreateTable
CREATE TABLE "product_sales" (
    "product_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "order_count" INTEGER NOT NULL,

    CONSTRAINT "product_sales_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "product_sales_hourly" (
    "product_id" TEXT NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "product_sales_hourly_pkey" PRIMARY KEY ("product_id","bucket_start")
);

-- CreateTable
CREATE TABLE "user_purchase" (
    "user_id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "last_purchased_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_purchase_pkey" PRIMARY KEY ("user_id","product_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_id_idx" ON "outbox_event"("published_at", "id");

-- CreateIndex
CREATE INDEX "product_attribute_brand_id_idx" ON "product_attribute"("brand_id");

-- CreateIndex
CREATE INDEX "product_sales_hourly_bucket_start_idx" ON "product_sales_hourly"("bucket_start");

-- CreateIndex
CREATE INDEX "user_purchase_product_id_idx" ON "user_purchase"("product_id");

-- Raw SQL Prisma cannot express ------------------------------------------------------------------

-- "Popular in category X": containment queries (category_ids @> ARRAY[x]) use this index.
CREATE INDEX "product_attribute_category_ids_gin" ON "product_attribute" USING GIN ("category_ids");

-- Pair rows are between two different products, and counters are never zero or negative.
ALTER TABLE "co_purchase" ADD CONSTRAINT "co_purchase_distinct_products" CHECK ("product_id" <> "other_product_id");
ALTER TABLE "co_purchase" ADD CONSTRAINT "co_purchase_order_count_positive" CHECK ("order_count" > 0);
ALTER TABLE "product_sales" ADD CONSTRAINT "product_sales_positive" CHECK ("quantity" > 0 AND "order_count" > 0);
ALTER TABLE "product_sales_hourly" ADD CONSTRAINT "product_sales_hourly_positive" CHECK ("quantity" > 0);
ALTER TABLE "product_sales_hourly" ADD CONSTRAINT "product_sales_hourly_on_the_hour"
  CHECK ("bucket_start" = date_trunc('hour', "bucket_start" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC');
ALTER TABLE "user_purchase" ADD CONSTRAINT "user_purchase_quantity_positive" CHECK ("quantity" > 0);

-- Per-user affinities: units bought per category and per brand, derived from purchases and the
-- current classification (so a catalog event that arrives after the order still counts).
CREATE VIEW "user_affinity" AS
  SELECT up.user_id, 'CATEGORY'::text AS kind, c.category_id AS value, SUM(up.quantity)::bigint AS score
    FROM user_purchase up
    JOIN product_attribute pa ON pa.product_id = up.product_id
    CROSS JOIN LATERAL unnest(pa.category_ids) AS c(category_id)
   GROUP BY up.user_id, c.category_id
  UNION ALL
  SELECT up.user_id, 'BRAND'::text AS kind, pa.brand_id AS value, SUM(up.quantity)::bigint AS score
    FROM user_purchase up
    JOIN product_attribute pa ON pa.product_id = up.product_id
   WHERE pa.brand_id IS NOT NULL
   GROUP BY up.user_id, pa.brand_id;
