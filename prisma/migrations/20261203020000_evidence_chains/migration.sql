-- An incident's evidence forms chains: events tied together by what they share (an account, an
-- address, a host, an app or key, a file), each chain with its own steps, and arrows between
-- steps that say what ties them. Evidence that ties to nothing is kept as findings (kind
-- 'findings'), not forced into a chain.
CREATE TABLE "chains" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id" UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  -- chain | findings
  "kind"        TEXT NOT NULL DEFAULT 'chain' CHECK ("kind" IN ('chain', 'findings')),
  -- 1, 2, … by first evidence; findings last.
  "ordinal"     INTEGER NOT NULL DEFAULT 1,
  "title"       TEXT NOT NULL DEFAULT '',
  "first_at"    TIMESTAMPTZ(6),
  "last_at"     TIMESTAMPTZ(6),
  "detail"      JSONB NOT NULL DEFAULT '{}',
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  "updated_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  CONSTRAINT "chains_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "chains_incident_id_ordinal_idx" ON "chains" ("incident_id", "ordinal");

ALTER TABLE "chain_steps" ADD COLUMN "chain_id" UUID REFERENCES "chains" ("id") ON UPDATE CASCADE ON DELETE SET NULL;
CREATE INDEX "chain_steps_chain_id_idx" ON "chain_steps" ("chain_id");

-- The steps built so far were one chain per incident: keep them as that chain.
WITH made AS (
  INSERT INTO "chains" ("incident_id", "title")
  SELECT DISTINCT "incident_id", 'Chain 1' FROM "chain_steps"
  RETURNING "id", "incident_id")
UPDATE "chain_steps" s SET "chain_id" = made."id" FROM made WHERE made."incident_id" = s."incident_id";

-- One rule-built step per stage of each chain (was: per stage of the incident).
DROP INDEX "chain_steps_rules_stage_key";
CREATE UNIQUE INDEX "chain_steps_rules_stage_key" ON "chain_steps" ("chain_id", "stage_id") WHERE "origin" = 'rules';

-- An arrow: the later step follows the earlier and shares what `ties` lists with it (kind
-- 'entity'), is implied by it or must follow it (kind 'inferred'), or an analyst linked them.
CREATE TABLE "chain_links" (
  "id"           UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"  UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "from_step_id" UUID NOT NULL REFERENCES "chain_steps" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "to_step_id"   UUID NOT NULL REFERENCES "chain_steps" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "origin"       TEXT NOT NULL DEFAULT 'rules' CHECK ("origin" IN ('rules', 'analyst')),
  "kind"         TEXT NOT NULL CHECK ("kind" IN ('entity', 'inferred', 'analyst')),
  -- [{ "kind": "account", "value": "adelev@…" }, …]
  "ties"         JSONB NOT NULL DEFAULT '[]',
  "rationale"    TEXT NOT NULL DEFAULT '',
  "created_at"   TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  CONSTRAINT "chain_links_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "chain_links_not_self" CHECK ("from_step_id" <> "to_step_id")
);
CREATE UNIQUE INDEX "chain_links_from_to_key" ON "chain_links" ("from_step_id", "to_step_id");
CREATE INDEX "chain_links_incident_id_idx" ON "chain_links" ("incident_id");
CREATE INDEX "chain_links_to_step_id_idx" ON "chain_links" ("to_step_id");
