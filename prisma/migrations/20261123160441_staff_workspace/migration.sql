-- AlterTable
ALTER TABLE "staff_users" ADD COLUMN     "inviteExpiresAt" TIMESTAMP(3),
ADD COLUMN     "inviteTokenHash" TEXT,
ADD COLUMN     "totpLastStep" INTEGER;

-- CreateTable
CREATE TABLE "staff_notifications" (
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "requestId" UUID,
    "staffUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_notifications_pkey" PRIMARY KEY ("dedupeKey")
);

-- CreateIndex
CREATE INDEX "staff_notifications_createdAt_idx" ON "staff_notifications"("createdAt");

-- CreateIndex
CREATE INDEX "requests_email_idx" ON "requests"("email" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_inviteTokenHash_key" ON "staff_users"("inviteTokenHash");
