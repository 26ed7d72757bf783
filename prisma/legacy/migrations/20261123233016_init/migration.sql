-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "legacy_stock" (
    "sku_id" TEXT NOT NULL,
    "qty_on_hand" INTEGER NOT NULL,
    "qty_allocated" INTEGER NOT NULL DEFAULT 0,
    "disc_flag" SMALLINT NOT NULL DEFAULT 0,
    "last_sync" TIMESTAMP(0) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "legacy_stock_pkey" PRIMARY KEY ("sku_id")
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
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_id_idx" ON "outbox_event"("published_at", "id");

-- The monolith's invariants (Prisma cannot express CHECKs).
ALTER TABLE "legacy_stock" ADD CONSTRAINT "legacy_stock_qty_check" CHECK ("qty_on_hand" >= 0 AND "qty_allocated" >= 0);
ALTER TABLE "legacy_stock" ADD CONSTRAINT "legacy_stock_disc_flag_check" CHECK ("disc_flag" IN (0, 1));
