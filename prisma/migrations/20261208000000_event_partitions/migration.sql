-- Issue 19, items 1 and 4: events and their entity links are partitioned, first by incident
-- (LIST incident_id), then within an incident by ranges of event id (RANGE id). An import takes a
-- block of ids (block << 32 onwards), loads its rows into a fresh table with no index, builds the
-- indexes over the whole load and attaches it; deleting the import drops the table. Rows written
-- any other way (a case file, a training copy) take ids below 2^32 and live in the incident's
-- "_0" partition. Every query names its incident, so it only ever plans that incident's tables.
--
-- Events and links no longer carry foreign keys to incidents, sources and entities: attaching a
-- table that has them locks the tables they reference against writes, and an incident's delete
-- would cascade to every one of its rows instead of dropping its tables. They are written only by
-- the import's final step, the case file and the training copy, each of which names a source of
-- the same incident; deleting a source or an incident removes them (lib/ingest/event-partitions.ts).
-- The keys that point AT events (annotations, rule matches, chain and hypothesis evidence,
-- redaction findings) stay, and with them their cascades.

ALTER TABLE "annotations" DROP CONSTRAINT "annotations_event_id_fkey";
ALTER TABLE "chain_step_events" DROP CONSTRAINT "chain_step_events_event_id_fkey";
ALTER TABLE "hypothesis_evidence" DROP CONSTRAINT "hypothesis_evidence_event_id_fkey";
ALTER TABLE "redaction_findings" DROP CONSTRAINT "redaction_findings_event_id_fkey";
ALTER TABLE "rule_matches" DROP CONSTRAINT "rule_matches_event_id_fkey";

ALTER TABLE "events" RENAME TO "events_unpartitioned";
ALTER TABLE "events_unpartitioned" RENAME CONSTRAINT "events_pkey" TO "events_unpartitioned_pkey";
ALTER INDEX "events_incident_id_fingerprint_key" RENAME TO "events_unpartitioned_fingerprint";
ALTER INDEX "events_incident_id_occurred_at_idx" RENAME TO "events_unpartitioned_occurred_at";
ALTER INDEX "events_incident_id_stage_id_idx" RENAME TO "events_unpartitioned_stage";
ALTER INDEX "events_message_fts_idx" RENAME TO "events_unpartitioned_fts";
ALTER INDEX "events_occurred_at_idx" RENAME TO "events_unpartitioned_brin";
ALTER TABLE "events_unpartitioned" DROP CONSTRAINT "events_stage_id_fkey";
ALTER TABLE "event_entities" RENAME TO "event_entities_unpartitioned";
ALTER TABLE "event_entities_unpartitioned" RENAME CONSTRAINT "event_entities_pkey" TO "event_entities_unpartitioned_pkey";
ALTER INDEX "event_entities_entity_id_idx" RENAME TO "event_entities_unpartitioned_entity";

CREATE TABLE "events" (LIKE "events_unpartitioned" INCLUDING DEFAULTS) PARTITION BY LIST ("incident_id");
ALTER SEQUENCE "events_id_seq" OWNED BY "events"."id";
ALTER TABLE "events" ADD CONSTRAINT "events_pkey" PRIMARY KEY ("incident_id", "id");
-- One import decides what is new under the incident's import lock (an anti-join on this index):
-- a unique key would have to hold the partition key, the event id, and so could not say it.
CREATE INDEX "events_incident_id_fingerprint_idx" ON "events" ("incident_id", "fingerprint");
CREATE INDEX "events_incident_id_occurred_at_idx" ON "events" ("incident_id", "occurred_at") INCLUDE ("stage_id", "source_id", "severity");
CREATE INDEX "events_incident_id_stage_id_idx" ON "events" ("incident_id", "stage_id") WHERE "stage_id" IS NOT NULL;
CREATE INDEX "events_message_fts_idx" ON "events" USING GIN (to_tsvector('simple', translate("message", '<>', '  ')));
CREATE INDEX "events_occurred_at_idx" ON "events" USING BRIN ("occurred_at");
ALTER TABLE "events" ADD CONSTRAINT "events_stage_id_fkey" FOREIGN KEY ("incident_id", "stage_id") REFERENCES "stages" ("incident_id", "id") ON DELETE SET NULL ("stage_id");

CREATE TABLE "event_entities" (LIKE "event_entities_unpartitioned") PARTITION BY LIST ("incident_id");
ALTER TABLE "event_entities" ADD CONSTRAINT "event_entities_pkey" PRIMARY KEY ("incident_id", "event_id", "entity_id", "role");
CREATE INDEX "event_entities_entity_id_idx" ON "event_entities" ("entity_id");

-- An import's block of event ids: block N holds ids N << 32 up to (N + 1) << 32.
CREATE SEQUENCE "event_blocks_seq" START 1;
ALTER TABLE "sources" ADD COLUMN "event_block" BIGINT;

-- An incident's two partitioned tables and their "_0" partitions, made when the incident is.
CREATE FUNCTION "chainline_incident_partitions"(incident uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t text;
  p text;
BEGIN
  FOREACH t IN ARRAY ARRAY['events', 'event_entities'] LOOP
    p := t || '_i' || replace(incident::text, '-', '');
    CONTINUE WHEN to_regclass(p) IS NOT NULL;
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS) PARTITION BY RANGE (%I)', p, t, CASE t WHEN 'events' THEN 'id' ELSE 'event_id' END);
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', p || '_0', t);
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (MINVALUE) TO (4294967296)', p, p || '_0');
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES IN (%L)', t, p, incident);
  END LOOP;
END $$;

CREATE FUNCTION "chainline_incident_created"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "chainline_incident_partitions"(NEW."id");
  RETURN NULL;
END $$;
CREATE TRIGGER "incidents_partitions" AFTER INSERT ON "incidents" FOR EACH ROW EXECUTE FUNCTION "chainline_incident_created"();

SELECT "chainline_incident_partitions"("id") FROM "incidents";
INSERT INTO "events" SELECT * FROM "events_unpartitioned" e WHERE EXISTS (SELECT 1 FROM "incidents" i WHERE i."id" = e."incident_id");
INSERT INTO "event_entities" SELECT * FROM "event_entities_unpartitioned" x WHERE EXISTS (SELECT 1 FROM "incidents" i WHERE i."id" = x."incident_id");
DROP TABLE "event_entities_unpartitioned";
DROP TABLE "events_unpartitioned";

ALTER TABLE "annotations" ADD CONSTRAINT "annotations_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "chain_step_events" ADD CONSTRAINT "chain_step_events_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "hypothesis_evidence" ADD CONSTRAINT "hypothesis_evidence_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "redaction_findings" ADD CONSTRAINT "redaction_findings_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "rule_matches" ADD CONSTRAINT "rule_matches_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
