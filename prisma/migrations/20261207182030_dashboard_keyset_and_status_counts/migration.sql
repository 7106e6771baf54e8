-- DropIndex
DROP INDEX "requests_assigneeId_status_dueDate_idx";

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
    "slot" SMALLINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "request_status_counts_pkey" PRIMARY KEY ("status","dueDate","slot")
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
CREATE INDEX "requests_receivedAt_id_idx" ON "requests"("receivedAt", "id");

-- The counters follow every request in the transaction that changes it (Prisma does not model
-- triggers: they live here). Slot = the last 3 bits of the request id, so a request always counts
-- in the same slot and concurrent intakes of one day spread over 8 rows.
CREATE FUNCTION request_status_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO request_status_counts AS c (status, "dueDate", slot, count)
    VALUES (OLD.status, OLD."dueDate", (get_byte(uuid_send(OLD.id), 15) & 7)::smallint, -1)
    ON CONFLICT (status, "dueDate", slot) DO UPDATE SET count = c.count - 1;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO request_status_counts AS c (status, "dueDate", slot, count)
    VALUES (NEW.status, NEW."dueDate", (get_byte(uuid_send(NEW.id), 15) & 7)::smallint, 1)
    ON CONFLICT (status, "dueDate", slot) DO UPDATE SET count = c.count + 1;
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
  TRUNCATE request_status_counts;
  RETURN NULL;
END $$;

CREATE TRIGGER requests_status_counts_truncate AFTER TRUNCATE ON requests
  FOR EACH STATEMENT EXECUTE FUNCTION request_status_counts_truncate();

-- Counts everything again: after a bulk load with the triggers disabled, and here for the rows
-- already there.
CREATE FUNCTION request_status_counts_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM request_status_counts;
  INSERT INTO request_status_counts (status, "dueDate", slot, count)
  SELECT status, "dueDate", (get_byte(uuid_send(id), 15) & 7)::smallint, count(*)::int FROM requests GROUP BY 1, 2, 3;
$$;

SELECT request_status_counts_rebuild();
