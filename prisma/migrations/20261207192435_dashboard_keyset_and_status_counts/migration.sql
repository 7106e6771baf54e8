-- DropIndex
DROP INDEX "requests_assigneeId_status_dueDate_idx";

-- DropIndex
DROP INDEX "requests_email_idx";

-- DropIndex
DROP INDEX "requests_jurisdiction_status_dueDate_idx";

-- DropIndex
DROP INDEX "requests_receivedAt_idx";

-- DropIndex
DROP INDEX "requests_status_dueDate_idx";

-- DropIndex
DROP INDEX "requests_type_status_dueDate_idx";

-- CreateTable
CREATE TABLE "request_status_counts" (
    "status" "RequestStatus" NOT NULL,
    "dueDate" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "request_status_counts_pkey" PRIMARY KEY ("status","dueDate")
);

-- CreateTable
CREATE TABLE "request_status_count_changes" (
    "id" BIGSERIAL NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "dueDate" DATE NOT NULL,
    "change" SMALLINT NOT NULL,

    CONSTRAINT "request_status_count_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "requests_status_dueDate_id_idx" ON "requests"("status", "dueDate", "id");

-- CreateIndex
CREATE INDEX "requests_type_status_dueDate_id_idx" ON "requests"("type", "status", "dueDate", "id");

-- CreateIndex
CREATE INDEX "requests_jurisdiction_status_dueDate_id_idx" ON "requests"("jurisdiction", "status", "dueDate", "id");

-- CreateIndex
CREATE INDEX "requests_assigneeId_status_dueDate_id_idx" ON "requests"("assigneeId", "status", "dueDate", "id");

-- CreateIndex
CREATE INDEX "requests_email_status_dueDate_id_idx" ON "requests"("email" text_pattern_ops, "status", "dueDate", "id");

-- CreateIndex
CREATE INDEX "requests_receivedAt_id_idx" ON "requests"("receivedAt", "id");

-- The counters follow every request in the transaction that changes it (Prisma does not model
-- triggers: they live here). Each change is a new row, never an update of a shared one, so
-- concurrent transactions never wait on each other for a counter.
CREATE FUNCTION request_status_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO request_status_count_changes (status, "dueDate", change) VALUES (OLD.status, OLD."dueDate", -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO request_status_count_changes (status, "dueDate", change) VALUES (NEW.status, NEW."dueDate", 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER requests_status_counts_insert_delete AFTER INSERT OR DELETE ON requests
  FOR EACH ROW EXECUTE FUNCTION request_status_counts_track();

CREATE TRIGGER requests_status_counts_update AFTER UPDATE OF status, "dueDate" ON requests
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."dueDate" IS DISTINCT FROM NEW."dueDate")
  EXECUTE FUNCTION request_status_counts_track();

CREATE FUNCTION request_status_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE request_status_counts, request_status_count_changes;
  RETURN NULL;
END $$;

CREATE TRIGGER requests_status_counts_truncate AFTER TRUNCATE ON requests
  FOR EACH STATEMENT EXECUTE FUNCTION request_status_counts_truncate();

-- Folds the changes into the counts in one statement: the rows it deletes are the rows it adds, and
-- a compaction running at the same time waits on those rows and then finds them gone.
CREATE FUNCTION request_status_counts_compact() RETURNS void LANGUAGE sql AS $$
  WITH moved AS (DELETE FROM request_status_count_changes RETURNING status, "dueDate", change),
  summed AS (SELECT status, "dueDate", sum(change)::int AS change FROM moved GROUP BY 1, 2)
  INSERT INTO request_status_counts AS c (status, "dueDate", count)
  SELECT status, "dueDate", change FROM summed
  ON CONFLICT (status, "dueDate") DO UPDATE SET count = c.count + EXCLUDED.count;
$$;

-- Counts everything again: after a bulk load with the trigger disabled, and here for the rows
-- already there.
CREATE FUNCTION request_status_counts_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM request_status_count_changes;
  DELETE FROM request_status_counts;
  INSERT INTO request_status_counts (status, "dueDate", count) SELECT status, "dueDate", count(*)::int FROM requests GROUP BY 1, 2;
$$;

SELECT request_status_counts_rebuild();
