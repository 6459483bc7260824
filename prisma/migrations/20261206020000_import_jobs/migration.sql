-- Imports started from the app or the API are jobs kept here, not in a server process's memory:
-- a server that restarts (or dies) finds its unfinished jobs and runs them again, and a page
-- reloaded mid-import reads the progress back. A worker claims a job with SKIP LOCKED and beats
-- its heart while it runs; a job whose heartbeat stopped is claimed again.
CREATE TABLE "import_jobs" (
  "id"             UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"    UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "actor"          JSONB NOT NULL,
  "upload_id"      TEXT NOT NULL,
  "file_name"      TEXT NOT NULL,
  "options"        JSONB NOT NULL DEFAULT '{}',
  "status"         TEXT NOT NULL DEFAULT 'queued' CHECK ("status" IN ('queued', 'running', 'analyzing', 'done', 'failed')),
  "attempts"       INTEGER NOT NULL DEFAULT 0,
  "progress"       JSONB,
  "summary"        JSONB,
  "error"          TEXT,
  "analysis"       JSONB,
  "analysis_error" TEXT,
  "worker"         TEXT,
  "heartbeat_at"   TIMESTAMPTZ(6),
  "created_at"     TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "started_at"     TIMESTAMPTZ(6),
  "finished_at"    TIMESTAMPTZ(6),
  CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "import_jobs_unfinished_idx" ON "import_jobs" ("created_at") WHERE "status" IN ('queued', 'running', 'analyzing');
CREATE INDEX "import_jobs_incident_idx" ON "import_jobs" ("incident_id", "created_at");
