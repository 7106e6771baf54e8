-- An opt-out an integration relays by account id alone carries no email, so no email hash; its
-- repeats are merged by account id.
-- (The diff also proposed dropping and re-creating "requests_email_status_dueDate_id_idx" unchanged: the
-- schema engine does not read back its text_pattern_ops operator class. That pair is left out.)

-- AlterTable
ALTER TABLE "requests" ALTER COLUMN "emailHash" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "requests_accountId_receivedAt_idx" ON "requests"("accountId", "receivedAt");
