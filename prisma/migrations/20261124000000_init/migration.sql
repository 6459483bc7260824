-- Chainline's initial schema. Written by hand (Prisma's schema engine cannot be downloaded here);
-- lib/db/schema-agreement.test.ts checks it against prisma/schema.prisma.

CREATE TYPE "role" AS ENUM ('owner', 'analyst', 'viewer');
CREATE TYPE "incident_status" AS ENUM ('open', 'contained', 'closed');
CREATE TYPE "source_status" AS ENUM ('pending', 'importing', 'complete', 'failed');
CREATE TYPE "severity" AS ENUM ('info', 'low', 'medium', 'high', 'critical');
CREATE TYPE "confidence" AS ENUM ('confirmed', 'likely', 'possible', 'unknown');
CREATE TYPE "hypothesis_status" AS ENUM ('leading', 'open', 'rejected');
CREATE TYPE "gap_reason" AS ENUM ('retention', 'not_collected', 'outage', 'quiet_period');
CREATE TYPE "gap_origin" AS ENUM ('declared', 'detected');
CREATE TYPE "annotation_kind" AS ENUM ('tag', 'star', 'comment', 'key_event');

CREATE TABLE "users" (
  "id"         UUID NOT NULL DEFAULT gen_random_uuid(),
  "email"      TEXT NOT NULL,
  "name"       TEXT NOT NULL,
  "is_local"   BOOLEAN NOT NULL DEFAULT false,
  "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");

CREATE TABLE "incidents" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "title"         TEXT NOT NULL,
  "summary"       TEXT NOT NULL DEFAULT '',
  "status"        "incident_status" NOT NULL DEFAULT 'open',
  "time_zone"     TEXT NOT NULL DEFAULT 'UTC',
  "created_by_id" UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "created_at"    TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"    TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "incidents_created_at_idx" ON "incidents" ("created_at");

CREATE TABLE "memberships" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id"     UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "incident_id" UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "role"        "role" NOT NULL,
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "memberships_user_id_incident_id_key" ON "memberships" ("user_id", "incident_id");
CREATE INDEX "memberships_incident_id_idx" ON "memberships" ("incident_id");

CREATE TABLE "sources" (
  "id"              UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"     UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "name"            TEXT NOT NULL,
  "format"          TEXT NOT NULL,
  "sha256"          CHAR(64) NOT NULL,
  "size_bytes"      BIGINT NOT NULL,
  "imported_by_id"  UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "imported_at"     TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finished_at"     TIMESTAMPTZ(6),
  "status"          "source_status" NOT NULL DEFAULT 'pending',
  "error"           TEXT,
  "options"         JSONB NOT NULL DEFAULT '{}',
  "read_count"      INTEGER NOT NULL DEFAULT 0,
  "imported_count"  INTEGER NOT NULL DEFAULT 0,
  "duplicate_count" INTEGER NOT NULL DEFAULT 0,
  "rejected_count"  INTEGER NOT NULL DEFAULT 0,
  "redacted_count"  INTEGER NOT NULL DEFAULT 0,
  "first_event_at"  TIMESTAMPTZ(6),
  "last_event_at"   TIMESTAMPTZ(6),
  "retention_days"  INTEGER,
  CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sources_incident_id_idx" ON "sources" ("incident_id");
CREATE INDEX "sources_incident_id_sha256_idx" ON "sources" ("incident_id", "sha256");

CREATE TABLE "import_issues" (
  "id"          BIGSERIAL NOT NULL,
  "source_id"   UUID NOT NULL REFERENCES "sources" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "line_number" INTEGER NOT NULL,
  "reason"      TEXT NOT NULL,
  "raw_line"    TEXT NOT NULL,
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "import_issues_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "import_issues_source_id_line_number_idx" ON "import_issues" ("source_id", "line_number");

CREATE TABLE "stages" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"   UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "key"           TEXT NOT NULL,
  "name"          TEXT NOT NULL,
  "description"   TEXT NOT NULL DEFAULT '',
  "position"      INTEGER NOT NULL,
  "attack_tactic" TEXT,
  CONSTRAINT "stages_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "stages_incident_id_key_key" ON "stages" ("incident_id", "key");
CREATE INDEX "stages_incident_id_position_idx" ON "stages" ("incident_id", "position");

CREATE TABLE "events" (
  "id"             BIGSERIAL NOT NULL,
  "incident_id"    UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "source_id"      UUID NOT NULL REFERENCES "sources" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "occurred_at"    TIMESTAMPTZ(6) NOT NULL,
  "timestamp_text" TEXT NOT NULL,
  "assumed_zone"   TEXT,
  "timestamp_desc" TEXT NOT NULL DEFAULT '',
  "action"         TEXT,
  "category"       TEXT,
  "outcome"        TEXT,
  "actor"          TEXT,
  "host"           TEXT,
  "src_ip"         INET,
  "dst_ip"         INET,
  "target"         TEXT,
  "message"        TEXT NOT NULL DEFAULT '',
  "raw"            JSONB NOT NULL,
  "line_number"    INTEGER NOT NULL,
  "fingerprint"    TEXT NOT NULL,
  "stage_id"       UUID REFERENCES "stages" ("id") ON UPDATE CASCADE ON DELETE SET NULL,
  "technique"      TEXT,
  "severity"       "severity",
  "stage_set_by"   TEXT,
  "created_at"     TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "events_incident_id_fingerprint_key" ON "events" ("incident_id", "fingerprint");
CREATE INDEX "events_incident_id_occurred_at_idx" ON "events" ("incident_id", "occurred_at");
CREATE INDEX "events_occurred_at_idx" ON "events" USING BRIN ("occurred_at");
CREATE INDEX "events_source_id_line_number_idx" ON "events" ("source_id", "line_number");
CREATE INDEX "events_incident_id_stage_id_occurred_at_idx" ON "events" ("incident_id", "stage_id", "occurred_at");
-- Full-text search over messages. 'simple' keeps tokens as written: log text is not English prose.
CREATE INDEX "events_message_fts_idx" ON "events" USING GIN (to_tsvector('simple', "message"));

CREATE TABLE "entities" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"   UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "kind"          TEXT NOT NULL,
  "value"         TEXT NOT NULL,
  "display_name"  TEXT,
  "first_seen_at" TIMESTAMPTZ(6),
  "last_seen_at"  TIMESTAMPTZ(6),
  CONSTRAINT "entities_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "entities_incident_id_kind_value_key" ON "entities" ("incident_id", "kind", "value");

CREATE TABLE "event_entities" (
  "event_id"  BIGINT NOT NULL REFERENCES "events" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "entity_id" UUID NOT NULL REFERENCES "entities" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "role"      TEXT NOT NULL,
  CONSTRAINT "event_entities_pkey" PRIMARY KEY ("event_id", "entity_id", "role")
);
CREATE INDEX "event_entities_entity_id_idx" ON "event_entities" ("entity_id");

CREATE TABLE "chain_steps" (
  "id"               UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"      UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "stage_id"         UUID NOT NULL REFERENCES "stages" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "title"            TEXT NOT NULL,
  "start_at"         TIMESTAMPTZ(6),
  "end_at"           TIMESTAMPTZ(6),
  "confidence"       "confidence" NOT NULL DEFAULT 'unknown',
  "confidence_score" INTEGER NOT NULL DEFAULT 0 CHECK ("confidence_score" BETWEEN 0 AND 100),
  "rationale"        TEXT NOT NULL DEFAULT '',
  "is_inferred"      BOOLEAN NOT NULL DEFAULT false,
  "position"         INTEGER NOT NULL DEFAULT 0,
  "created_at"       TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"       TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "chain_steps_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "chain_steps_incident_id_position_idx" ON "chain_steps" ("incident_id", "position");

CREATE TABLE "chain_step_confidence" (
  "id"               BIGSERIAL NOT NULL,
  "step_id"          UUID NOT NULL REFERENCES "chain_steps" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "confidence"       "confidence" NOT NULL,
  "confidence_score" INTEGER NOT NULL CHECK ("confidence_score" BETWEEN 0 AND 100),
  "rationale"        TEXT NOT NULL DEFAULT '',
  "effective_at"     TIMESTAMPTZ(6) NOT NULL,
  "recorded_at"      TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "changed_by_id"    UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  CONSTRAINT "chain_step_confidence_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "chain_step_confidence_step_id_effective_at_idx" ON "chain_step_confidence" ("step_id", "effective_at");

CREATE TABLE "chain_step_events" (
  "step_id"  UUID NOT NULL REFERENCES "chain_steps" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "event_id" BIGINT NOT NULL REFERENCES "events" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "is_key"   BOOLEAN NOT NULL DEFAULT false,
  CONSTRAINT "chain_step_events_pkey" PRIMARY KEY ("step_id", "event_id")
);
CREATE INDEX "chain_step_events_event_id_idx" ON "chain_step_events" ("event_id");

CREATE TABLE "hypotheses" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id" UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "title"       TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "status"      "hypothesis_status" NOT NULL DEFAULT 'open',
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "hypotheses_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "hypotheses_incident_id_idx" ON "hypotheses" ("incident_id");

CREATE TABLE "chain_step_hypotheses" (
  "step_id"       UUID NOT NULL REFERENCES "chain_steps" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "hypothesis_id" UUID NOT NULL REFERENCES "hypotheses" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "chain_step_hypotheses_pkey" PRIMARY KEY ("step_id", "hypothesis_id")
);

CREATE TABLE "hypothesis_evidence" (
  "hypothesis_id" UUID NOT NULL REFERENCES "hypotheses" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "event_id"      BIGINT NOT NULL REFERENCES "events" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "stance"        TEXT NOT NULL CHECK ("stance" IN ('supports', 'contradicts')),
  "note"          TEXT NOT NULL DEFAULT '',
  CONSTRAINT "hypothesis_evidence_pkey" PRIMARY KEY ("hypothesis_id", "event_id")
);

CREATE TABLE "gaps" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id" UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "source_id"   UUID REFERENCES "sources" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "scope"       TEXT NOT NULL DEFAULT '',
  "start_at"    TIMESTAMPTZ(6) NOT NULL,
  "end_at"      TIMESTAMPTZ(6) NOT NULL,
  "reason"      "gap_reason" NOT NULL,
  "origin"      "gap_origin" NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "detail"      JSONB NOT NULL DEFAULT '{}',
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "gaps_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "gaps_window_check" CHECK ("end_at" >= "start_at")
);
CREATE INDEX "gaps_incident_id_start_at_idx" ON "gaps" ("incident_id", "start_at");

CREATE TABLE "gap_chain_steps" (
  "gap_id"  UUID NOT NULL REFERENCES "gaps" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "step_id" UUID NOT NULL REFERENCES "chain_steps" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT "gap_chain_steps_pkey" PRIMARY KEY ("gap_id", "step_id")
);

CREATE TABLE "rules" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id" UUID REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "key"         TEXT NOT NULL,
  "name"        TEXT NOT NULL,
  "kind"        TEXT NOT NULL,
  "definition"  TEXT NOT NULL,
  "stage_key"   TEXT,
  "technique"   TEXT,
  "severity"    "severity",
  "tags"        TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "is_enabled"  BOOLEAN NOT NULL DEFAULT true,
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "rules_pkey" PRIMARY KEY ("id")
);
-- NULLS NOT DISTINCT: a built-in (global) rule key is unique too.
CREATE UNIQUE INDEX "rules_incident_id_key_key" ON "rules" ("incident_id", "key") NULLS NOT DISTINCT;

CREATE TABLE "rule_matches" (
  "rule_id"    UUID NOT NULL REFERENCES "rules" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "event_id"   BIGINT NOT NULL REFERENCES "events" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "matched_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "rule_matches_pkey" PRIMARY KEY ("rule_id", "event_id")
);
CREATE INDEX "rule_matches_event_id_idx" ON "rule_matches" ("event_id");

CREATE TABLE "annotations" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id" UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "event_id"    BIGINT NOT NULL REFERENCES "events" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "kind"        "annotation_kind" NOT NULL,
  "value"       TEXT NOT NULL DEFAULT '',
  "author_id"   UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "annotations_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "annotations_event_id_idx" ON "annotations" ("event_id");
CREATE INDEX "annotations_incident_id_kind_idx" ON "annotations" ("incident_id", "kind");

CREATE TABLE "stories" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id" UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "title"       TEXT NOT NULL,
  "audience"    TEXT NOT NULL,
  "body"        TEXT NOT NULL DEFAULT '',
  "author_id"   UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "stories_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "stories_incident_id_idx" ON "stories" ("incident_id");

CREATE TABLE "audit_entries" (
  "id"          BIGSERIAL NOT NULL,
  "actor_id"    UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "incident_id" UUID REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE SET NULL,
  "action"      TEXT NOT NULL,
  "entity_type" TEXT NOT NULL,
  "entity_id"   TEXT NOT NULL,
  "before"      JSONB,
  "after"       JSONB,
  "at"          TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_entries_incident_id_at_idx" ON "audit_entries" ("incident_id", "at");
CREATE INDEX "audit_entries_entity_type_entity_id_idx" ON "audit_entries" ("entity_type", "entity_id");
