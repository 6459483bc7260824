-- The brief's judgements an analyst makes (CISA's priority and impact axes, the plain sentences when
-- the drafted ones will not do, the decisions needed), each with the date it took effect: a brief
-- as of a date shows the judgement in effect then, as the chain's assessments do.
CREATE TABLE "brief_assessments" (
  "id"                 UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"        UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "effective_at"       TIMESTAMPTZ(6) NOT NULL,
  "priority"           TEXT CHECK ("priority" IN ('baseline', 'low', 'medium', 'high', 'severe', 'emergency')),
  "functional_impact"  TEXT CHECK ("functional_impact" IN ('none', 'no_service_impact', 'minimal_non_critical', 'minimal_critical', 'significant_non_critical', 'denial_non_critical', 'significant_critical', 'denial_critical')),
  "information_impact" TEXT CHECK ("information_impact" IN ('none', 'suspected', 'privacy', 'proprietary', 'destruction_non_critical', 'critical_systems', 'core_credentials', 'destruction_critical')),
  "recoverability"     TEXT CHECK ("recoverability" IN ('regular', 'supplemented', 'extended', 'not_recoverable')),
  "summary"            TEXT NOT NULL DEFAULT '',
  "decisions"          JSONB NOT NULL DEFAULT '[]',
  "entered_by_id"      UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "entered_at"         TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "brief_assessments_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "brief_assessments_incident_effective_idx" ON "brief_assessments" ("incident_id", "effective_at");
