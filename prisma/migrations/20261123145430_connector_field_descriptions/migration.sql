-- AlterTable
ALTER TABLE "connectors" ADD COLUMN     "fieldDescriptions" JSONB;
