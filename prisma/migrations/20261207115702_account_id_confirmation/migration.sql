-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "accountIdConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "accountIdConfirmedById" UUID,
ADD COLUMN     "accountIdConfirmedByKeyId" UUID;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_accountIdConfirmedById_fkey" FOREIGN KEY ("accountIdConfirmedById") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_accountIdConfirmedByKeyId_fkey" FOREIGN KEY ("accountIdConfirmedByKeyId") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;
