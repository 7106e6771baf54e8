-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "chainSeq" BIGINT,
ALTER COLUMN "prevHash" DROP NOT NULL,
ALTER COLUMN "hash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "audit_seals" (
    "id" BIGINT NOT NULL,
    "firstSeq" BIGINT NOT NULL,
    "lastSeq" BIGINT NOT NULL,
    "prevEventHash" TEXT NOT NULL,
    "eventsHash" TEXT NOT NULL,
    "prevSealHash" TEXT NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_seals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_seals_lastSeq_key" ON "audit_seals"("lastSeq");

-- CreateIndex
CREATE UNIQUE INDEX "audit_seals_prevSealHash_key" ON "audit_seals"("prevSealHash");

-- CreateIndex
CREATE UNIQUE INDEX "audit_seals_hash_key" ON "audit_seals"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_chainSeq_key" ON "audit_events"("chainSeq");

-- CreateIndex
CREATE INDEX "audit_events_requestId_chainSeq_idx" ON "audit_events"("requestId", "chainSeq");

-- Events are now written without chain fields and chained after commit by the sequencer, which sets
-- "chainSeq", "prevHash", "requestPrevHash" and "hash" once. Any other UPDATE is still refused, and so
-- are DELETE and TRUNCATE: a sealed event never changes, and a pending one only receives its chain fields.
CREATE FUNCTION "audit_events_seal_once"() RETURNS trigger AS $$
BEGIN
  IF OLD."chainSeq" IS NOT NULL OR NEW."chainSeq" IS NULL OR NEW."hash" IS NULL OR NEW."prevHash" IS NULL
     OR (NEW."id", NEW."requestId", NEW."actorType", NEW."actorId", NEW."action", NEW."data", NEW."at")
        IS DISTINCT FROM (OLD."id", OLD."requestId", OLD."actorType", OLD."actorId", OLD."action", OLD."data", OLD."at")
     OR (OLD."hash" IS NOT NULL AND (NEW."hash", NEW."prevHash", NEW."requestPrevHash")
        IS DISTINCT FROM (OLD."hash", OLD."prevHash", OLD."requestPrevHash")) THEN
    RAISE EXCEPTION 'audit_events is append-only: an event can only be sealed once, nothing else may change';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER "audit_events_no_update" ON "audit_events";
CREATE TRIGGER "audit_events_no_delete" BEFORE DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
CREATE TRIGGER "audit_events_seal_once" BEFORE UPDATE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_seal_once"();

-- Events written before this migration were chained in id order under a global lock: they keep their
-- hashes and become the first part of the chain, numbered in that order. The sequencer's first rounds
-- seal them in batches (no seal row covers them yet).
UPDATE "audit_events" AS e SET "chainSeq" = numbered.seq
FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS seq FROM "audit_events") AS numbered
WHERE e."id" = numbered."id";

-- Seals are append-only too.
CREATE TRIGGER "audit_seals_no_update" BEFORE UPDATE OR DELETE ON "audit_seals"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
CREATE TRIGGER "audit_seals_no_truncate" BEFORE TRUNCATE ON "audit_seals"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
