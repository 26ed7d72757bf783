-- DropIndex
DROP INDEX "order_status_placed_at_idx";

-- AlterTable
ALTER TABLE "order" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "payment" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "order_scope_status_placed_at_idx" ON "order"("scope", "status", "placed_at");

-- The payment worker's queue, per scope.
DROP INDEX "payment_work_idx";
CREATE INDEX "payment_work_idx" ON "payment" ("scope", "op_started_at" NULLS FIRST) WHERE "pending_op" IS NOT NULL;
