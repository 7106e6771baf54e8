-- A request whose answer could not be built in all its attempts: when, and why (for staff).
-- (The diff also proposed dropping and re-creating "requests_email_status_dueDate_id_idx" unchanged: the
-- schema engine does not read back its text_pattern_ops operator class. That pair is left out.)

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "finaliseError" TEXT,
ADD COLUMN     "finaliseFailedAt" TIMESTAMP(3);
