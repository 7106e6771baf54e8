-- AlterEnum
ALTER TYPE "ConnectorTaskStatus" ADD VALUE 'CANCELLED';
