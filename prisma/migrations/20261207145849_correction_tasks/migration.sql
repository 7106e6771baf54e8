-- CreateEnum
CREATE TYPE "CorrectionTaskStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateTable
CREATE TABLE "correction_tasks" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "status" "CorrectionTaskStatus" NOT NULL DEFAULT 'OPEN',
    "items" JSONB NOT NULL,
    "results" JSONB,
    "note" TEXT,
    "message" TEXT,
    "completedById" UUID,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "correction_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "correction_tasks_requestId_key" ON "correction_tasks"("requestId");

-- CreateIndex
CREATE INDEX "correction_tasks_status_idx" ON "correction_tasks"("status");

-- AddForeignKey
ALTER TABLE "correction_tasks" ADD CONSTRAINT "correction_tasks_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- (The diff also proposed dropping and re-creating "requests_email_idx" unchanged: the schema
-- engine does not read back its text_pattern_ops operator class. That pair is left out.)
