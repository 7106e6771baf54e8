-- AlterTable
ALTER TABLE "idempotency_records" ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3),
ADD COLUMN     "owner" TEXT,
ADD COLUMN     "workCommittedAt" TIMESTAMP(3),
ALTER COLUMN "status" DROP NOT NULL,
ALTER COLUMN "response" DROP NOT NULL;
