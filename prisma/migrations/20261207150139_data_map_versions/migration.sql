-- CreateTable
CREATE TABLE "data_map_versions" (
    "number" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "snapshot" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "data_map_versions_pkey" PRIMARY KEY ("number")
);

-- CreateIndex
CREATE INDEX "data_map_versions_createdAt_idx" ON "data_map_versions"("createdAt");

-- A version is evidence of what the map said: the database refuses to change or remove one.
CREATE FUNCTION "data_map_versions_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'data_map_versions is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "data_map_versions_no_update" BEFORE UPDATE OR DELETE ON "data_map_versions"
  FOR EACH ROW EXECUTE FUNCTION "data_map_versions_append_only"();

-- (The diff also proposed dropping and re-creating "requests_email_idx" unchanged: the schema
-- engine does not read back its text_pattern_ops operator class. That pair is left out.)
