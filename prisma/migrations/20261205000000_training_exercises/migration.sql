-- Training exercises. An exercise is what an instructor sets (its tasks, worth, hint costs, time
-- limit); each trainee's attempt works in a workspace incident of its own, holding the exercise's
-- evidence with every answer stripped. The answer key lives apart, one frozen key per variant, in
-- exercise_keys: only lib/training/exercise-keys.ts reads it, and nothing a trainee can reach
-- returns it.
CREATE TABLE "exercises" (
  "id"                 UUID NOT NULL DEFAULT gen_random_uuid(),
  "title"              TEXT NOT NULL,
  "source_kind"        TEXT NOT NULL CHECK ("source_kind" IN ('scenario', 'incident')),
  "source_incident_id" UUID REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE SET NULL,
  "variant_mode"       TEXT NOT NULL CHECK ("variant_mode" IN ('per-trainee', 'shared')),
  "seed"               INTEGER NOT NULL,
  "noise"              INTEGER NOT NULL CHECK ("noise" >= 0),
  "time_limit_minutes" INTEGER CHECK ("time_limit_minutes" > 0),
  "tasks"              JSONB NOT NULL DEFAULT '[]',
  "created_by_id"      UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "created_at"         TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "exercises_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "exercises_created_by_idx" ON "exercises" ("created_by_id");

CREATE TABLE "exercise_keys" (
  "exercise_id" UUID NOT NULL REFERENCES "exercises" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "variant"     INTEGER NOT NULL,
  "key"         JSONB NOT NULL,
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "exercise_keys_pkey" PRIMARY KEY ("exercise_id", "variant")
);

CREATE TABLE "exercise_attempts" (
  "id"                    UUID NOT NULL DEFAULT gen_random_uuid(),
  "exercise_id"           UUID NOT NULL REFERENCES "exercises" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "trainee_id"            UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "workspace_incident_id" UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "variant"               INTEGER NOT NULL,
  "started_at"            TIMESTAMPTZ(6),
  "submitted_at"          TIMESTAMPTZ(6),
  "score"                 NUMERIC(8, 1),
  "worth"                 NUMERIC(8, 1),
  "result"                JSONB,
  "created_at"            TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "exercise_attempts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "exercise_attempts_variant_fkey" FOREIGN KEY ("exercise_id", "variant")
    REFERENCES "exercise_keys" ("exercise_id", "variant") ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE UNIQUE INDEX "exercise_attempts_exercise_trainee_key" ON "exercise_attempts" ("exercise_id", "trainee_id");
CREATE UNIQUE INDEX "exercise_attempts_workspace_key" ON "exercise_attempts" ("workspace_incident_id");
CREATE INDEX "exercise_attempts_trainee_idx" ON "exercise_attempts" ("trainee_id");

CREATE TABLE "exercise_answers" (
  "attempt_id"  UUID NOT NULL REFERENCES "exercise_attempts" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "task_id"     TEXT NOT NULL,
  -- The latest answer as the task's form gives it; an exact question keeps every try in "tries".
  "answer"      JSONB NOT NULL DEFAULT '{}',
  "hints_used"  INTEGER NOT NULL DEFAULT 0 CHECK ("hints_used" >= 0),
  "answered_at" TIMESTAMPTZ(6),
  "updated_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "exercise_answers_pkey" PRIMARY KEY ("attempt_id", "task_id")
);
