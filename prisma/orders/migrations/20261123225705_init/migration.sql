-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "shipping_method" AS ENUM ('STANDARD', 'EXPRESS');

-- CreateEnum
CREATE TYPE "order_status" AS ENUM ('PENDING', 'CONFIRMED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "payment_status" AS ENUM ('PENDING', 'AUTHORIZED', 'DECLINED', 'UNAVAILABLE', 'CAPTURED', 'REFUNDED', 'VOIDED');

-- CreateEnum
CREATE TYPE "payment_operation" AS ENUM ('AUTHORIZE', 'CAPTURE', 'REFUND', 'VOID');

-- CreateTable
CREATE TABLE "product_variant" (
    "variant_id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "product_name" TEXT NOT NULL DEFAULT '',
    "product_status" TEXT NOT NULL,
    "price_amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "source_time" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_variant_pkey" PRIMARY KEY ("variant_id")
);

-- CreateTable
CREATE TABLE "cart" (
    "id" TEXT NOT NULL,
    "user_id" TEXT,
    "guest_token" TEXT,
    "shipping_address" JSONB,
    "shipping_method" "shipping_method" NOT NULL DEFAULT 'STANDARD',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cart_line" (
    "cart_id" TEXT NOT NULL,
    "variant_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cart_line_pkey" PRIMARY KEY ("cart_id","variant_id")
);

-- CreateTable
CREATE TABLE "order" (
    "id" TEXT NOT NULL,
    "owner_key" TEXT NOT NULL,
    "user_id" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "status" "order_status" NOT NULL DEFAULT 'PENDING',
    "cancel_reason" TEXT,
    "cancel_detail" TEXT,
    "currency" TEXT NOT NULL,
    "subtotal" INTEGER NOT NULL,
    "shipping" INTEGER NOT NULL,
    "tax" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "shipping_method" "shipping_method" NOT NULL,
    "shipping_address" JSONB NOT NULL,
    "payment_token" TEXT NOT NULL,
    "placed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_line" (
    "order_id" TEXT NOT NULL,
    "variant_id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "product_name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" INTEGER NOT NULL,

    CONSTRAINT "order_line_pkey" PRIMARY KEY ("order_id","variant_id")
);

-- CreateTable
CREATE TABLE "order_timeline_entry" (
    "id" BIGSERIAL NOT NULL,
    "order_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_timeline_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" "payment_status" NOT NULL DEFAULT 'PENDING',
    "pending_op" "payment_operation",
    "op_started_at" TIMESTAMPTZ(3),
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "authorization_id" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "product_variant_product_id_idx" ON "product_variant"("product_id");

-- CreateIndex
CREATE UNIQUE INDEX "cart_user_id_key" ON "cart"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "cart_guest_token_key" ON "cart"("guest_token");

-- CreateIndex
CREATE INDEX "order_user_id_placed_at_id_idx" ON "order"("user_id", "placed_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "order_status_placed_at_idx" ON "order"("status", "placed_at");

-- CreateIndex
CREATE UNIQUE INDEX "order_owner_key_idempotency_key_key" ON "order"("owner_key", "idempotency_key");

-- CreateIndex
CREATE INDEX "order_timeline_entry_order_id_id_idx" ON "order_timeline_entry"("order_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_order_id_key" ON "payment"("order_id");

-- CreateIndex
CREATE INDEX "payment_pending_op_op_started_at_idx" ON "payment"("pending_op", "op_started_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_id_idx" ON "outbox_event"("published_at", "id");

-- AddForeignKey
ALTER TABLE "cart_line" ADD CONSTRAINT "cart_line_cart_id_fkey" FOREIGN KEY ("cart_id") REFERENCES "cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_timeline_entry" ADD CONSTRAINT "order_timeline_entry_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Raw SQL Prisma cannot express ------------------------------------------------------------
ALTER TABLE "cart" ADD CONSTRAINT "cart_one_owner" CHECK (("user_id" IS NULL) <> ("guest_token" IS NULL));
ALTER TABLE "cart_line" ADD CONSTRAINT "cart_line_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_price_non_negative" CHECK ("unit_price" >= 0);
ALTER TABLE "order" ADD CONSTRAINT "order_amounts_non_negative"
  CHECK ("subtotal" >= 0 AND "shipping" >= 0 AND "tax" >= 0 AND "total" = "subtotal" + "shipping" + "tax");
ALTER TABLE "order" ADD CONSTRAINT "order_cancel_reason" CHECK (("status" = 'CANCELLED') = ("cancel_reason" IS NOT NULL));
ALTER TABLE "product_variant" ADD CONSTRAINT "product_variant_price_non_negative" CHECK ("price_amount" >= 0);

-- The queue of the payment worker: only rows with work to do.
CREATE INDEX "payment_work_idx" ON "payment" ("op_started_at" NULLS FIRST) WHERE "pending_op" IS NOT NULL;

-- Wakes the payment worker when a payment gets work (NOTIFY is delivered at commit).
CREATE FUNCTION payment_work_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW.pending_op IS NOT NULL THEN PERFORM pg_notify(''payment_work'', NEW.order_id)\x3B END IF\x3B
  RETURN NEW\x3B
END';

CREATE TRIGGER payment_work_notify AFTER INSERT OR UPDATE OF pending_op ON "payment"
  FOR EACH ROW EXECUTE FUNCTION payment_work_notify();
