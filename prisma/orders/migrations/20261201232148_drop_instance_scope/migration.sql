-- The instance scope existed only so test runs sharing one database swept and paid only their own
-- orders: tests now get databases of their own, so production carries no such column.

-- DropIndex
DROP INDEX IF EXISTS "order_scope_status_placed_at_idx";

-- AlterTable (drops payment_work_idx with the column, recreated below without it)
ALTER TABLE "order" DROP COLUMN "scope";

-- AlterTable
ALTER TABLE "payment" DROP COLUMN "scope";

-- CreateIndex
CREATE INDEX "order_status_placed_at_idx" ON "order"("status", "placed_at");

-- The payment worker's queue (claimSql in subgraphs/orders/src/repositories/payments.ts).
CREATE INDEX "payment_work_idx" ON "payment" ("op_started_at" NULLS FIRST) WHERE "pending_op" IS NOT NULL;
