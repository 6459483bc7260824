-- Hourly event counts per source and stage, so the whole-incident timeline reads a few thousand
-- rows instead of a million; the state row says how many events the counts cover (a timeline
-- query falls back to the events when they disagree).
CREATE TABLE "event_hourly" (
  "id" BIGSERIAL NOT NULL,
  "incident_id" UUID NOT NULL,
  "hour" TIMESTAMPTZ(6) NOT NULL,
  "source_id" UUID NOT NULL,
  "stage_id" UUID,
  "n" INTEGER NOT NULL,
  CONSTRAINT "event_hourly_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "event_hourly_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents" ("id") ON DELETE CASCADE
);
CREATE INDEX "event_hourly_incident_id_hour_idx" ON "event_hourly" ("incident_id", "hour");

CREATE TABLE "event_hourly_state" (
  "incident_id" UUID NOT NULL,
  "events" BIGINT NOT NULL,
  "built_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "event_hourly_state_pkey" PRIMARY KEY ("incident_id"),
  CONSTRAINT "event_hourly_state_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents" ("id") ON DELETE CASCADE
);

-- The timeline's window queries and the hourly refresh read stage, source and severity from the
-- index alone (an index-only scan) instead of visiting each event's row.
DROP INDEX "events_incident_id_occurred_at_idx";
CREATE INDEX "events_incident_id_occurred_at_idx" ON "events" ("incident_id", "occurred_at") INCLUDE ("stage_id", "source_id", "severity");
