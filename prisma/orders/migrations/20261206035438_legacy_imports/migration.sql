-- AlterTable
ALTER TABLE "order" ADD COLUMN     "external_ref" TEXT,
ADD COLUMN     "external_version" BIGINT,
ALTER COLUMN "payment_token" DROP NOT NULL;

-- CreateTable
CREATE TABLE "legacy_backfill_checkpoint" (
    "run" TEXT NOT NULL,
    "last_order_no" INTEGER NOT NULL,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "legacy_backfill_checkpoint_pkey" PRIMARY KEY ("run")
);

-- CreateIndex
CREATE UNIQUE INDEX "order_external_ref_key" ON "order"("external_ref");
