-- CreateEnum
CREATE TYPE "AgentPermissionCheck" AS ENUM ('NOT_CHECKED', 'VALID', 'NOT_VALID');

-- AlterEnum
ALTER TYPE "DenialReason" ADD VALUE 'AGENT_AUTHORITY_NOT_SHOWN';

-- CreateTable
CREATE TABLE "agent_authorizations" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "agentName" TEXT,
    "agentEmail" TEXT,
    "agentOrganisation" TEXT,
    "permissionPath" TEXT,
    "permissionKeyWrapped" TEXT,
    "permissionType" TEXT NOT NULL,
    "permissionBytes" INTEGER NOT NULL,
    "permissionSha256" TEXT,
    "checkStatus" "AgentPermissionCheck" NOT NULL DEFAULT 'NOT_CHECKED',
    "checkedAt" TIMESTAMP(3),
    "checkedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_authorizations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agent_authorizations_requestId_key" ON "agent_authorizations"("requestId");

-- AddForeignKey
ALTER TABLE "agent_authorizations" ADD CONSTRAINT "agent_authorizations_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_authorizations" ADD CONSTRAINT "agent_authorizations_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
