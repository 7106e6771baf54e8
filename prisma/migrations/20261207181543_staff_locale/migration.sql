-- AlterTable
ALTER TABLE "staff_users" ADD COLUMN     "locale" TEXT;

-- (The diff also proposed dropping and re-creating "requests_email_idx" unchanged: the schema
-- engine does not read back its text_pattern_ops operator class. That pair is left out.)
