-- DropIndex
DROP INDEX "requests_email_idx";

-- CreateIndex
CREATE INDEX "requests_status_extensionNoticeBy_idx" ON "requests"("status", "extensionNoticeBy");

-- CreateIndex
CREATE INDEX "requests_email_idx" ON "requests"("email" text_pattern_ops);
