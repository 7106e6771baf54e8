-- DropIndex
DROP INDEX "requests_email_idx";

-- CreateIndex
CREATE INDEX "requests_email_status_dueDate_id_idx" ON "requests"("email" text_pattern_ops, "status", "dueDate", "id");
