-- AlterTable
ALTER TABLE "connector_tasks" ADD COLUMN     "resultKeyWrapped" TEXT;
