-- Replay for tabletop sessions: a facilitator steps an incident's clock forward; the session keeps
-- the clock, the prompts (injects) due at set incident times, and the decisions players made, each
-- at the replay time it was made.
CREATE TABLE "replay_sessions" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"   UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "title"         TEXT NOT NULL,
  "clock"         TIMESTAMPTZ(6) NOT NULL,
  "created_by_id" UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "created_at"    TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "replay_sessions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "replay_sessions_incident_idx" ON "replay_sessions" ("incident_id");

CREATE TABLE "replay_injects" (
  "id"         UUID NOT NULL DEFAULT gen_random_uuid(),
  "session_id" UUID NOT NULL REFERENCES "replay_sessions" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "at"         TIMESTAMPTZ(6) NOT NULL,
  "text"       TEXT NOT NULL CHECK (length("text") BETWEEN 1 AND 2000),
  CONSTRAINT "replay_injects_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "replay_injects_session_at_idx" ON "replay_injects" ("session_id", "at");

CREATE TABLE "replay_decisions" (
  "id"             UUID NOT NULL DEFAULT gen_random_uuid(),
  "session_id"     UUID NOT NULL REFERENCES "replay_sessions" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "clock"          TIMESTAMPTZ(6) NOT NULL,
  "text"           TEXT NOT NULL CHECK (length("text") BETWEEN 1 AND 2000),
  "recorded_by_id" UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "recorded_at"    TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "replay_decisions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "replay_decisions_session_idx" ON "replay_decisions" ("session_id", "clock");
