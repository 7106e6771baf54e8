-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('ACCESS', 'RECTIFICATION', 'ERASURE', 'PORTABILITY');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'VERIFIED', 'AWAITING_SUBJECT', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'DENIED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "RequestChannel" AS ENUM ('WEB', 'API', 'STAFF');

-- CreateEnum
CREATE TYPE "DenialReason" AS ENUM ('IDENTITY_NOT_VERIFIED', 'MANIFESTLY_UNFOUNDED_OR_EXCESSIVE', 'EXEMPTION_APPLIES', 'NO_DATA_HELD', 'OTHER');

-- CreateEnum
CREATE TYPE "RequestOutcome" AS ENUM ('FULFILLED', 'PARTIALLY_FULFILLED', 'DENIED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ClockEventType" AS ENUM ('PAUSE', 'RESUME', 'RESTART', 'EXTEND');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('SUBJECT', 'STAFF', 'API_KEY', 'SYSTEM');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'AGENT', 'AUDITOR');

-- CreateEnum
CREATE TYPE "ConnectorTaskStatus" AS ENUM ('PENDING', 'RUNNING', 'WAITING_CALLBACK', 'AWAITING_STAFF', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('TO_SUBJECT', 'FROM_SUBJECT');

-- CreateTable
CREATE TABLE "requests" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "submissionId" UUID NOT NULL,
    "type" "RequestType" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "channel" "RequestChannel" NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "email" TEXT,
    "emailHash" TEXT NOT NULL,
    "fullName" TEXT,
    "accountId" TEXT,
    "country" TEXT NOT NULL,
    "region" TEXT,
    "details" TEXT,
    "corrections" JSONB,
    "jurisdiction" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "holidayRegion" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verifiedAt" TIMESTAMP(3),
    "verifyBy" TIMESTAMP(3) NOT NULL,
    "dueDate" DATE NOT NULL,
    "acknowledgeBy" DATE,
    "acknowledgedAt" TIMESTAMP(3),
    "extensionNoticeBy" DATE,
    "maxExtendedDueDate" DATE,
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "clockPaused" BOOLEAN NOT NULL DEFAULT false,
    "deadlineExplanation" JSONB NOT NULL DEFAULT '[]',
    "decidedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "outcome" "RequestOutcome",
    "denialReason" "DenialReason",
    "denialMessage" TEXT,
    "assigneeId" UUID,
    "purgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_link_tokens" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "status_link_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_challenges" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "consumedAt" TIMESTAMP(3),
    "voidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clock_events" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "type" "ClockEventType" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "days" INTEGER,
    "months" INTEGER,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clock_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subject_messages" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subject_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_notes" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connectors" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actions" "RequestType"[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "configEncrypted" TEXT NOT NULL,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "concurrency" INTEGER NOT NULL DEFAULT 2,
    "rateLimitPerSecond" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "connectors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connector_tasks" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "connectorId" UUID NOT NULL,
    "action" "RequestType" NOT NULL,
    "status" "ConnectorTaskStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "receipt" JSONB,
    "resultPath" TEXT,
    "callbackDeadline" TIMESTAMP(3),
    "completedById" UUID,
    "note" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "connector_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "export_artifacts" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "storagePath" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "wrappedKey" TEXT,
    "manifest" JSONB NOT NULL,
    "downloadTokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "maxDownloads" INTEGER NOT NULL DEFAULT 5,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "export_artifacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "artifact_downloads" (
    "id" UUID NOT NULL,
    "artifactId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clientHash" TEXT,

    CONSTRAINT "artifact_downloads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_messages" (
    "id" UUID NOT NULL,
    "requestId" UUID,
    "staffUserId" UUID,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "props" JSONB NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "subject" TEXT,
    "textBody" TEXT,
    "providerMessageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT NOT NULL,
    "requestPrevHash" TEXT,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "totpSecretEncrypted" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "recoveryCodeHashes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_sessions" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "secondFactorAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" UUID,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "requests_reference_key" ON "requests"("reference");

-- CreateIndex
CREATE INDEX "requests_status_dueDate_idx" ON "requests"("status", "dueDate");

-- CreateIndex
CREATE INDEX "requests_type_status_dueDate_idx" ON "requests"("type", "status", "dueDate");

-- CreateIndex
CREATE INDEX "requests_jurisdiction_status_dueDate_idx" ON "requests"("jurisdiction", "status", "dueDate");

-- CreateIndex
CREATE INDEX "requests_assigneeId_status_dueDate_idx" ON "requests"("assigneeId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "requests_status_verifyBy_idx" ON "requests"("status", "verifyBy");

-- CreateIndex
CREATE INDEX "requests_emailHash_createdAt_idx" ON "requests"("emailHash", "createdAt");

-- CreateIndex
CREATE INDEX "requests_submissionId_idx" ON "requests"("submissionId");

-- CreateIndex
CREATE INDEX "requests_receivedAt_idx" ON "requests"("receivedAt");

-- CreateIndex
CREATE INDEX "requests_closedAt_idx" ON "requests"("closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "status_link_tokens_tokenHash_key" ON "status_link_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "status_link_tokens_submissionId_idx" ON "status_link_tokens"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "verification_challenges_tokenHash_key" ON "verification_challenges"("tokenHash");

-- CreateIndex
CREATE INDEX "verification_challenges_submissionId_createdAt_idx" ON "verification_challenges"("submissionId", "createdAt");

-- CreateIndex
CREATE INDEX "clock_events_requestId_at_idx" ON "clock_events"("requestId", "at");

-- CreateIndex
CREATE INDEX "subject_messages_requestId_createdAt_idx" ON "subject_messages"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "request_notes_requestId_createdAt_idx" ON "request_notes"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "request_notes_authorId_idx" ON "request_notes"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "connectors_key_key" ON "connectors"("key");

-- CreateIndex
CREATE INDEX "connector_tasks_connectorId_idx" ON "connector_tasks"("connectorId");

-- CreateIndex
CREATE INDEX "connector_tasks_status_idx" ON "connector_tasks"("status");

-- CreateIndex
CREATE UNIQUE INDEX "connector_tasks_requestId_connectorId_action_key" ON "connector_tasks"("requestId", "connectorId", "action");

-- CreateIndex
CREATE UNIQUE INDEX "export_artifacts_downloadTokenHash_key" ON "export_artifacts"("downloadTokenHash");

-- CreateIndex
CREATE INDEX "export_artifacts_requestId_idx" ON "export_artifacts"("requestId");

-- CreateIndex
CREATE INDEX "export_artifacts_expiresAt_idx" ON "export_artifacts"("expiresAt");

-- CreateIndex
CREATE INDEX "artifact_downloads_artifactId_idx" ON "artifact_downloads"("artifactId");

-- CreateIndex
CREATE INDEX "email_messages_requestId_idx" ON "email_messages"("requestId");

-- CreateIndex
CREATE INDEX "email_messages_status_createdAt_idx" ON "email_messages"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_hash_key" ON "audit_events"("hash");

-- CreateIndex
CREATE INDEX "audit_events_requestId_id_idx" ON "audit_events"("requestId", "id");

-- CreateIndex
CREATE INDEX "audit_events_action_at_idx" ON "audit_events"("action", "at");

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "staff_sessions_tokenHash_key" ON "staff_sessions"("tokenHash");

-- CreateIndex
CREATE INDEX "staff_sessions_userId_idx" ON "staff_sessions"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_keyHash_key" ON "api_keys"("keyHash");

-- CreateIndex
CREATE INDEX "api_keys_createdById_idx" ON "api_keys"("createdById");

-- CreateIndex
CREATE INDEX "idempotency_records_expiresAt_idx" ON "idempotency_records"("expiresAt");

-- CreateIndex
CREATE INDEX "rate_limit_buckets_expiresAt_idx" ON "rate_limit_buckets"("expiresAt");

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clock_events" ADD CONSTRAINT "clock_events_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subject_messages" ADD CONSTRAINT "subject_messages_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_notes" ADD CONSTRAINT "request_notes_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_notes" ADD CONSTRAINT "request_notes_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connector_tasks" ADD CONSTRAINT "connector_tasks_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connector_tasks" ADD CONSTRAINT "connector_tasks_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "connectors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "export_artifacts" ADD CONSTRAINT "export_artifacts_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "artifact_downloads" ADD CONSTRAINT "artifact_downloads_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "export_artifacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit log is append-only: the database itself refuses to change or remove an event.
-- The retention purge writes tombstone events instead of deleting anything.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
