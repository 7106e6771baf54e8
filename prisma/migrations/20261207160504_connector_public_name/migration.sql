-- AlterTable
ALTER TABLE "connectors" ADD COLUMN     "publicName" JSONB;

-- (The diff also proposed dropping and re-creating "requests_email_idx" unchanged: the schema
-- engine does not read back its text_pattern_ops operator class. That pair is left out.)
