-- Chain analysis: who built a step or a confidence entry (the rules or an analyst), how precise a
-- step's time is, the citation behind a confidence change, and how a rule's match counts as
-- evidence. Rule-built steps are rebuilt on every run; analyst edits are never overwritten.
ALTER TABLE "chain_steps" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'analyst';
ALTER TABLE "chain_steps" ADD COLUMN "time_precision" TEXT NOT NULL DEFAULT 'window';
ALTER TABLE "chain_steps" ADD COLUMN "event_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "chain_steps" ADD COLUMN "detail" JSONB NOT NULL DEFAULT '{}';
CREATE UNIQUE INDEX "chain_steps_rules_stage_key" ON "chain_steps" ("incident_id", "stage_id") WHERE "origin" = 'rules';

ALTER TABLE "chain_step_confidence" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'analyst';
ALTER TABLE "chain_step_confidence" ADD COLUMN "citation" TEXT NOT NULL DEFAULT '';

-- direct: the event shows the step itself; circumstantial: it fits the step but does not prove it.
ALTER TABLE "rules" ADD COLUMN "evidence" TEXT NOT NULL DEFAULT 'direct';
-- Higher wins when several rules tag one event with different stages.
ALTER TABLE "rules" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "hypothesis_evidence" ADD COLUMN "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "hypotheses" ADD COLUMN "source" TEXT NOT NULL DEFAULT '';

-- The chain builder and the stage lanes read events by stage.
CREATE INDEX "events_incident_id_stage_id_idx" ON "events" ("incident_id", "stage_id") WHERE "stage_id" IS NOT NULL;

-- A hypothesis can be pursued yet thought unlikely without being rejected (the CSRB's list).
ALTER TYPE "hypothesis_status" ADD VALUE 'unlikely' BEFORE 'rejected';
