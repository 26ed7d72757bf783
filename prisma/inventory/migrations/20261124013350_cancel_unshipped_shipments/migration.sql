-- AlterEnum
ALTER TYPE "movement_type" ADD VALUE 'UNCOMMITTED';

-- AlterEnum
ALTER TYPE "shipment_status" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "shipment" ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3);
