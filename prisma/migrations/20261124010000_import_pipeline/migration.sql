-- The import pipeline: progress and liveness on sources, redaction findings, and the staging
-- table that bulk COPY writes into before one set-based insert moves rows into events.

ALTER TABLE "sources" ADD COLUMN "heartbeat_at" TIMESTAMPTZ(6);
ALTER TABLE "sources" ADD COLUMN "progress" JSONB NOT NULL DEFAULT '{}';

CREATE TABLE "redaction_findings" (
  "id"         BIGSERIAL NOT NULL,
  "source_id"  UUID NOT NULL REFERENCES "sources" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "event_id"   BIGINT NOT NULL REFERENCES "events" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "field"      TEXT NOT NULL,
  "kind"       TEXT NOT NULL,
  "hint"       TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "redaction_findings_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "redaction_findings_source_id_idx" ON "redaction_findings" ("source_id");
CREATE INDEX "redaction_findings_event_id_idx" ON "redaction_findings" ("event_id");

-- Not a Prisma model and never written: the template each import copies into its own
-- UNLOGGED table ("staging_<source id>"), which is dropped when the import finishes. Rows there
-- are transient (a crash loses them, and the import is re-run from the file).
CREATE UNLOGGED TABLE "event_staging" (
  "source_id"      UUID NOT NULL,
  "line_number"    INTEGER NOT NULL,
  "occurred_at"    TIMESTAMPTZ(6) NOT NULL,
  "timestamp_text" TEXT NOT NULL,
  "assumed_zone"   TEXT,
  "timestamp_desc" TEXT NOT NULL,
  "action"         TEXT,
  "category"       TEXT,
  "outcome"        TEXT,
  "actor"          TEXT,
  "host"           TEXT,
  "src_ip"         INET,
  "dst_ip"         INET,
  "target"         TEXT,
  "message"        TEXT NOT NULL,
  "raw"            JSONB NOT NULL,
  "native_id"      TEXT,
  "content_hash"   TEXT NOT NULL,
  "findings"       JSONB
);

-- Every index slows bulk import; these two have no reader yet. A later migration adds what
-- stage tagging and line look-ups turn out to need.
DROP INDEX "events_source_id_line_number_idx";
DROP INDEX "events_incident_id_stage_id_occurred_at_idx";
