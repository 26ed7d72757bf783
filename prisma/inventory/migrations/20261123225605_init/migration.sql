-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "movement_type" AS ENUM ('RECEIVED', 'RESERVED', 'RELEASED', 'COMMITTED', 'SHIPPED', 'RETURNED', 'ADJUSTED');

-- CreateEnum
CREATE TYPE "reservation_status" AS ENUM ('ACTIVE', 'COMMITTED', 'RELEASED', 'EXPIRED', 'REJECTED');

-- CreateEnum
CREATE TYPE "shipment_status" AS ENUM ('PENDING', 'SHIPPED', 'DELIVERED', 'RETURNED');

-- CreateTable
CREATE TABLE "warehouse" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warehouse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_movement" (
    "id" BIGSERIAL NOT NULL,
    "variant_id" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "type" "movement_type" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "reason" TEXT,
    "order_id" TEXT,
    "reservation_id" TEXT,
    "shipment_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_movement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_level" (
    "variant_id" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "on_hand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "committed" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_level_pkey" PRIMARY KEY ("variant_id","warehouse_id")
);

-- CreateTable
CREATE TABLE "reservation" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "status" "reservation_status" NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservation_allocation" (
    "reservation_id" TEXT NOT NULL,
    "variant_id" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "reservation_allocation_pkey" PRIMARY KEY ("reservation_id","variant_id","warehouse_id")
);

-- CreateTable
CREATE TABLE "shipment" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "status" "shipment_status" NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shipped_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "returned_at" TIMESTAMPTZ(3),

    CONSTRAINT "shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipment_line" (
    "shipment_id" TEXT NOT NULL,
    "variant_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "shipment_line_pkey" PRIMARY KEY ("shipment_id","variant_id")
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
CREATE UNIQUE INDEX "warehouse_code_key" ON "warehouse"("code");

-- CreateIndex
CREATE INDEX "stock_movement_variant_id_warehouse_id_id_idx" ON "stock_movement"("variant_id", "warehouse_id", "id");

-- CreateIndex
CREATE INDEX "stock_movement_order_id_idx" ON "stock_movement"("order_id");

-- CreateIndex
CREATE INDEX "stock_level_warehouse_id_idx" ON "stock_level"("warehouse_id");

-- CreateIndex
CREATE UNIQUE INDEX "reservation_order_id_key" ON "reservation"("order_id");

-- CreateIndex
CREATE INDEX "reservation_status_expires_at_idx" ON "reservation"("status", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_order_id_warehouse_id_key" ON "shipment"("order_id", "warehouse_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_id_idx" ON "outbox_event"("published_at", "id");

-- AddForeignKey
ALTER TABLE "reservation_allocation" ADD CONSTRAINT "reservation_allocation_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "reservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_line" ADD CONSTRAINT "shipment_line_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written SQL (constraints, triggers, partial indexes) that Prisma cannot express.

-- Stock can never go negative, whatever the code does, and every projection write re-checks these.
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_on_hand_check" CHECK ("on_hand" >= 0);
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_reserved_check" CHECK ("reserved" >= 0);
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_committed_check" CHECK ("committed" >= 0);
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_available_check"
  CHECK ("on_hand" - "reserved" - "committed" >= 0);

-- Only ADJUSTED movements carry a sign, every other type is a positive size (no semicolons in comments here, the migration runner splits statements on them).
ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_quantity_check"
  CHECK (("type" = 'ADJUSTED' AND "quantity" <> 0) OR "quantity" > 0);
ALTER TABLE "reservation_allocation" ADD CONSTRAINT "reservation_allocation_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "shipment_line" ADD CONSTRAINT "shipment_line_quantity_check" CHECK ("quantity" > 0);

-- Warehouses are referenced by stock rows and movements (variants belong to the catalog: no FK).
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_warehouse_fkey"
  FOREIGN KEY ("warehouse_id") REFERENCES "warehouse"("id") ON DELETE RESTRICT;
ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_warehouse_fkey"
  FOREIGN KEY ("warehouse_id") REFERENCES "warehouse"("id") ON DELETE RESTRICT;
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_warehouse_fkey"
  FOREIGN KEY ("warehouse_id") REFERENCES "warehouse"("id") ON DELETE RESTRICT;

-- The movement log is append-only: history is corrected with new (ADJUSTED) movements.
CREATE FUNCTION stock_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''stock_movement is append-only (% refused)'', TG_OP\x3B
END';
CREATE TRIGGER stock_movement_append_only
  BEFORE UPDATE OR DELETE ON "stock_movement"
  FOR EACH STATEMENT EXECUTE FUNCTION stock_movement_append_only();

-- The expiry sweeper scans only live reservations.
CREATE INDEX "reservation_active_expiry_idx" ON "reservation" ("expires_at") WHERE "status" = 'ACTIVE';
