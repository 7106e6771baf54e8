-- AlterEnum
ALTER TYPE "ActorType" ADD VALUE 'DRP_AGENT';

-- AlterEnum
ALTER TYPE "RequestChannel" ADD VALUE 'DRP';

-- DropIndex
DROP INDEX "requests_email_idx";

-- CreateTable
CREATE TABLE "drp_agents" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "verifyKey" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "keyRotatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "drp_agents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drp_agent_tokens" (
    "id" UUID NOT NULL,
    "agentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "drp_agent_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drp_requests" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "agentId" TEXT NOT NULL,
    "agentRequestId" TEXT,
    "exercise" TEXT NOT NULL,
    "regime" TEXT,
    "statusCallback" TEXT,
    "notifiedState" TEXT,
    "notifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drp_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drp_seen_messages" (
    "signatureHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "drp_seen_messages_pkey" PRIMARY KEY ("signatureHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "drp_agent_tokens_tokenHash_key" ON "drp_agent_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "drp_agent_tokens_agentId_idx" ON "drp_agent_tokens"("agentId");

-- CreateIndex
CREATE UNIQUE INDEX "drp_requests_requestId_key" ON "drp_requests"("requestId");

-- CreateIndex
CREATE INDEX "drp_requests_agentId_idx" ON "drp_requests"("agentId");

-- CreateIndex
CREATE INDEX "drp_seen_messages_expiresAt_idx" ON "drp_seen_messages"("expiresAt");

-- CreateIndex
CREATE INDEX "requests_email_idx" ON "requests"("email" text_pattern_ops);

-- AddForeignKey
ALTER TABLE "drp_agent_tokens" ADD CONSTRAINT "drp_agent_tokens_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "drp_agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drp_requests" ADD CONSTRAINT "drp_requests_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drp_requests" ADD CONSTRAINT "drp_requests_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "drp_agents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
