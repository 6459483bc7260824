-- Every per-incident table carries incident_id in its primary key and every unique key, and every
-- foreign key between two of them includes it: the schema then distributes on Citus by incident_id
-- with each incident's rows, and every join between them, on one node (README "More than one
-- machine"; lib/db/distribution.ts names each table's place, and its test checks this rule).

-- 1. The foreign keys between per-incident tables go first: the keys they point at are rebuilt.
ALTER TABLE "action_items" DROP CONSTRAINT "action_items_story_id_fkey";
ALTER TABLE "annotations" DROP CONSTRAINT "annotations_event_id_fkey";
ALTER TABLE "chain_links" DROP CONSTRAINT "chain_links_from_step_id_fkey";
ALTER TABLE "chain_links" DROP CONSTRAINT "chain_links_to_step_id_fkey";
ALTER TABLE "chain_step_confidence" DROP CONSTRAINT "chain_step_confidence_step_id_fkey";
ALTER TABLE "chain_step_events" DROP CONSTRAINT "chain_step_events_step_id_fkey";
ALTER TABLE "chain_step_events" DROP CONSTRAINT "chain_step_events_event_id_fkey";
ALTER TABLE "chain_step_hypotheses" DROP CONSTRAINT "chain_step_hypotheses_step_id_fkey";
ALTER TABLE "chain_step_hypotheses" DROP CONSTRAINT "chain_step_hypotheses_hypothesis_id_fkey";
ALTER TABLE "chain_steps" DROP CONSTRAINT "chain_steps_chain_id_fkey";
ALTER TABLE "chain_steps" DROP CONSTRAINT "chain_steps_stage_id_fkey";
ALTER TABLE "event_entities" DROP CONSTRAINT "event_entities_entity_id_fkey";
ALTER TABLE "event_entities" DROP CONSTRAINT "event_entities_event_id_fkey";
ALTER TABLE "events" DROP CONSTRAINT "events_source_id_fkey";
ALTER TABLE "events" DROP CONSTRAINT "events_stage_id_fkey";
ALTER TABLE "gap_chain_steps" DROP CONSTRAINT "gap_chain_steps_gap_id_fkey";
ALTER TABLE "gap_chain_steps" DROP CONSTRAINT "gap_chain_steps_step_id_fkey";
ALTER TABLE "gaps" DROP CONSTRAINT "gaps_source_id_fkey";
ALTER TABLE "hypothesis_evidence" DROP CONSTRAINT "hypothesis_evidence_event_id_fkey";
ALTER TABLE "hypothesis_evidence" DROP CONSTRAINT "hypothesis_evidence_hypothesis_id_fkey";
ALTER TABLE "import_issues" DROP CONSTRAINT "import_issues_source_id_fkey";
ALTER TABLE "redaction_findings" DROP CONSTRAINT "redaction_findings_event_id_fkey";
ALTER TABLE "redaction_findings" DROP CONSTRAINT "redaction_findings_source_id_fkey";
ALTER TABLE "replay_decisions" DROP CONSTRAINT "replay_decisions_session_id_fkey";
ALTER TABLE "replay_injects" DROP CONSTRAINT "replay_injects_session_id_fkey";
ALTER TABLE "rule_matches" DROP CONSTRAINT "rule_matches_event_id_fkey";
ALTER TABLE "story_citations" DROP CONSTRAINT "story_citations_story_id_fkey";
ALTER TABLE "story_versions" DROP CONSTRAINT "story_versions_story_id_fkey";

-- 2. Rows that only reached their incident through a parent get its id.
ALTER TABLE "import_issues" ADD COLUMN "incident_id" UUID;
UPDATE "import_issues" x SET "incident_id" = p."incident_id" FROM "sources" p WHERE p."id" = x."source_id";
ALTER TABLE "import_issues" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "event_entities" ADD COLUMN "incident_id" UUID;
UPDATE "event_entities" x SET "incident_id" = p."incident_id" FROM "events" p WHERE p."id" = x."event_id";
ALTER TABLE "event_entities" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "chain_step_confidence" ADD COLUMN "incident_id" UUID;
UPDATE "chain_step_confidence" x SET "incident_id" = p."incident_id" FROM "chain_steps" p WHERE p."id" = x."step_id";
ALTER TABLE "chain_step_confidence" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "chain_step_events" ADD COLUMN "incident_id" UUID;
UPDATE "chain_step_events" x SET "incident_id" = p."incident_id" FROM "chain_steps" p WHERE p."id" = x."step_id";
ALTER TABLE "chain_step_events" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "chain_step_hypotheses" ADD COLUMN "incident_id" UUID;
UPDATE "chain_step_hypotheses" x SET "incident_id" = p."incident_id" FROM "chain_steps" p WHERE p."id" = x."step_id";
ALTER TABLE "chain_step_hypotheses" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "hypothesis_evidence" ADD COLUMN "incident_id" UUID;
UPDATE "hypothesis_evidence" x SET "incident_id" = p."incident_id" FROM "hypotheses" p WHERE p."id" = x."hypothesis_id";
ALTER TABLE "hypothesis_evidence" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "gap_chain_steps" ADD COLUMN "incident_id" UUID;
UPDATE "gap_chain_steps" x SET "incident_id" = p."incident_id" FROM "gaps" p WHERE p."id" = x."gap_id";
ALTER TABLE "gap_chain_steps" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "rule_matches" ADD COLUMN "incident_id" UUID;
UPDATE "rule_matches" x SET "incident_id" = p."incident_id" FROM "events" p WHERE p."id" = x."event_id";
ALTER TABLE "rule_matches" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "redaction_findings" ADD COLUMN "incident_id" UUID;
UPDATE "redaction_findings" x SET "incident_id" = p."incident_id" FROM "sources" p WHERE p."id" = x."source_id";
ALTER TABLE "redaction_findings" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "replay_decisions" ADD COLUMN "incident_id" UUID;
UPDATE "replay_decisions" x SET "incident_id" = p."incident_id" FROM "replay_sessions" p WHERE p."id" = x."session_id";
ALTER TABLE "replay_decisions" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "replay_injects" ADD COLUMN "incident_id" UUID;
UPDATE "replay_injects" x SET "incident_id" = p."incident_id" FROM "replay_sessions" p WHERE p."id" = x."session_id";
ALTER TABLE "replay_injects" ALTER COLUMN "incident_id" SET NOT NULL;

-- 3. Primary keys lead with the incident.
ALTER TABLE "action_items" DROP CONSTRAINT "action_items_pkey", ADD CONSTRAINT "action_items_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "annotations" DROP CONSTRAINT "annotations_pkey", ADD CONSTRAINT "annotations_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "brief_assessments" DROP CONSTRAINT "brief_assessments_pkey", ADD CONSTRAINT "brief_assessments_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "chain_links" DROP CONSTRAINT "chain_links_pkey", ADD CONSTRAINT "chain_links_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "chain_step_confidence" DROP CONSTRAINT "chain_step_confidence_pkey", ADD CONSTRAINT "chain_step_confidence_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "chain_step_events" DROP CONSTRAINT "chain_step_events_pkey", ADD CONSTRAINT "chain_step_events_pkey" PRIMARY KEY ("incident_id", "step_id", "event_id");
ALTER TABLE "chain_step_hypotheses" DROP CONSTRAINT "chain_step_hypotheses_pkey", ADD CONSTRAINT "chain_step_hypotheses_pkey" PRIMARY KEY ("incident_id", "step_id", "hypothesis_id");
ALTER TABLE "chain_steps" DROP CONSTRAINT "chain_steps_pkey", ADD CONSTRAINT "chain_steps_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "chains" DROP CONSTRAINT "chains_pkey", ADD CONSTRAINT "chains_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "entities" DROP CONSTRAINT "entities_pkey", ADD CONSTRAINT "entities_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "event_entities" DROP CONSTRAINT "event_entities_pkey", ADD CONSTRAINT "event_entities_pkey" PRIMARY KEY ("incident_id", "event_id", "entity_id", "role");
ALTER TABLE "event_hourly" DROP CONSTRAINT "event_hourly_pkey", ADD CONSTRAINT "event_hourly_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "events" DROP CONSTRAINT "events_pkey", ADD CONSTRAINT "events_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "gap_chain_steps" DROP CONSTRAINT "gap_chain_steps_pkey", ADD CONSTRAINT "gap_chain_steps_pkey" PRIMARY KEY ("incident_id", "gap_id", "step_id");
ALTER TABLE "gaps" DROP CONSTRAINT "gaps_pkey", ADD CONSTRAINT "gaps_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "hypotheses" DROP CONSTRAINT "hypotheses_pkey", ADD CONSTRAINT "hypotheses_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "hypothesis_evidence" DROP CONSTRAINT "hypothesis_evidence_pkey", ADD CONSTRAINT "hypothesis_evidence_pkey" PRIMARY KEY ("incident_id", "hypothesis_id", "event_id");
ALTER TABLE "import_issues" DROP CONSTRAINT "import_issues_pkey", ADD CONSTRAINT "import_issues_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "import_jobs" DROP CONSTRAINT "import_jobs_pkey", ADD CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_pkey", ADD CONSTRAINT "invitations_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey", ADD CONSTRAINT "memberships_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "redaction_findings" DROP CONSTRAINT "redaction_findings_pkey", ADD CONSTRAINT "redaction_findings_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "replay_decisions" DROP CONSTRAINT "replay_decisions_pkey", ADD CONSTRAINT "replay_decisions_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "replay_injects" DROP CONSTRAINT "replay_injects_pkey", ADD CONSTRAINT "replay_injects_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "replay_sessions" DROP CONSTRAINT "replay_sessions_pkey", ADD CONSTRAINT "replay_sessions_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "rule_matches" DROP CONSTRAINT "rule_matches_pkey", ADD CONSTRAINT "rule_matches_pkey" PRIMARY KEY ("incident_id", "rule_id", "event_id");
ALTER TABLE "sources" DROP CONSTRAINT "sources_pkey", ADD CONSTRAINT "sources_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "stages" DROP CONSTRAINT "stages_pkey", ADD CONSTRAINT "stages_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "stories" DROP CONSTRAINT "stories_pkey", ADD CONSTRAINT "stories_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "story_citations" DROP CONSTRAINT "story_citations_pkey", ADD CONSTRAINT "story_citations_pkey" PRIMARY KEY ("incident_id", "id");
ALTER TABLE "story_versions" DROP CONSTRAINT "story_versions_pkey", ADD CONSTRAINT "story_versions_pkey" PRIMARY KEY ("incident_id", "id");

-- 4. Foreign keys between per-incident tables, with the incident on both sides. SET NULL names the
-- column it clears, as the incident stays. No ON UPDATE: ids never change (and Citus refuses it).
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_story_id_fkey" FOREIGN KEY ("incident_id", "story_id") REFERENCES "stories" ("incident_id", "id") ON DELETE SET NULL (story_id);
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_from_step_id_fkey" FOREIGN KEY ("incident_id", "from_step_id") REFERENCES "chain_steps" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_to_step_id_fkey" FOREIGN KEY ("incident_id", "to_step_id") REFERENCES "chain_steps" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "chain_step_confidence" ADD CONSTRAINT "chain_step_confidence_step_id_fkey" FOREIGN KEY ("incident_id", "step_id") REFERENCES "chain_steps" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "chain_step_events" ADD CONSTRAINT "chain_step_events_step_id_fkey" FOREIGN KEY ("incident_id", "step_id") REFERENCES "chain_steps" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "chain_step_events" ADD CONSTRAINT "chain_step_events_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "chain_step_hypotheses" ADD CONSTRAINT "chain_step_hypotheses_step_id_fkey" FOREIGN KEY ("incident_id", "step_id") REFERENCES "chain_steps" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "chain_step_hypotheses" ADD CONSTRAINT "chain_step_hypotheses_hypothesis_id_fkey" FOREIGN KEY ("incident_id", "hypothesis_id") REFERENCES "hypotheses" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "chain_steps" ADD CONSTRAINT "chain_steps_chain_id_fkey" FOREIGN KEY ("incident_id", "chain_id") REFERENCES "chains" ("incident_id", "id") ON DELETE SET NULL (chain_id);
ALTER TABLE "chain_steps" ADD CONSTRAINT "chain_steps_stage_id_fkey" FOREIGN KEY ("incident_id", "stage_id") REFERENCES "stages" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "event_entities" ADD CONSTRAINT "event_entities_entity_id_fkey" FOREIGN KEY ("incident_id", "entity_id") REFERENCES "entities" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "event_entities" ADD CONSTRAINT "event_entities_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "events" ADD CONSTRAINT "events_source_id_fkey" FOREIGN KEY ("incident_id", "source_id") REFERENCES "sources" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "events" ADD CONSTRAINT "events_stage_id_fkey" FOREIGN KEY ("incident_id", "stage_id") REFERENCES "stages" ("incident_id", "id") ON DELETE SET NULL (stage_id);
ALTER TABLE "gap_chain_steps" ADD CONSTRAINT "gap_chain_steps_gap_id_fkey" FOREIGN KEY ("incident_id", "gap_id") REFERENCES "gaps" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "gap_chain_steps" ADD CONSTRAINT "gap_chain_steps_step_id_fkey" FOREIGN KEY ("incident_id", "step_id") REFERENCES "chain_steps" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "gaps" ADD CONSTRAINT "gaps_source_id_fkey" FOREIGN KEY ("incident_id", "source_id") REFERENCES "sources" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "hypothesis_evidence" ADD CONSTRAINT "hypothesis_evidence_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "hypothesis_evidence" ADD CONSTRAINT "hypothesis_evidence_hypothesis_id_fkey" FOREIGN KEY ("incident_id", "hypothesis_id") REFERENCES "hypotheses" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_source_id_fkey" FOREIGN KEY ("incident_id", "source_id") REFERENCES "sources" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "redaction_findings" ADD CONSTRAINT "redaction_findings_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "redaction_findings" ADD CONSTRAINT "redaction_findings_source_id_fkey" FOREIGN KEY ("incident_id", "source_id") REFERENCES "sources" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "replay_decisions" ADD CONSTRAINT "replay_decisions_session_id_fkey" FOREIGN KEY ("incident_id", "session_id") REFERENCES "replay_sessions" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "replay_injects" ADD CONSTRAINT "replay_injects_session_id_fkey" FOREIGN KEY ("incident_id", "session_id") REFERENCES "replay_sessions" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "rule_matches" ADD CONSTRAINT "rule_matches_event_id_fkey" FOREIGN KEY ("incident_id", "event_id") REFERENCES "events" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "story_citations" ADD CONSTRAINT "story_citations_story_id_fkey" FOREIGN KEY ("incident_id", "story_id") REFERENCES "stories" ("incident_id", "id") ON DELETE CASCADE;
ALTER TABLE "story_versions" ADD CONSTRAINT "story_versions_story_id_fkey" FOREIGN KEY ("incident_id", "story_id") REFERENCES "stories" ("incident_id", "id") ON DELETE CASCADE;

-- 5. Unique keys lead with the incident too. An invitation is found by its token alone (the
-- link names no incident), so that lookup keeps a plain index; the token is 32 random bytes.
DROP INDEX "chain_links_from_to_key";
CREATE UNIQUE INDEX "chain_links_from_to_key" ON "chain_links" ("incident_id", "from_step_id", "to_step_id");
DROP INDEX "chain_steps_rules_stage_key";
CREATE UNIQUE INDEX "chain_steps_rules_stage_key" ON "chain_steps" ("incident_id", "chain_id", "stage_id") WHERE "origin" = 'rules';
ALTER TABLE "story_versions" DROP CONSTRAINT "story_versions_story_id_number_key";
CREATE UNIQUE INDEX "story_versions_story_id_number_key" ON "story_versions" ("incident_id", "story_id", "number");
DROP INDEX "invitations_token_hash_key";
CREATE UNIQUE INDEX "invitations_incident_id_token_hash_key" ON "invitations" ("incident_id", "token_hash");
CREATE INDEX "invitations_token_hash_idx" ON "invitations" ("token_hash");

-- 6. A training attempt lives in its trainee's workspace incident, and its answers with it. One
-- attempt per trainee per exercise spans workspaces, so no key of a distributed table can hold it:
-- attempts are made only with their new exercise, once per trainee (add-attempts.ts refuses a repeat).
ALTER TABLE "exercise_answers" ADD COLUMN "workspace_incident_id" UUID;
UPDATE "exercise_answers" x SET "workspace_incident_id" = a."workspace_incident_id" FROM "exercise_attempts" a WHERE a."id" = x."attempt_id";
ALTER TABLE "exercise_answers" ALTER COLUMN "workspace_incident_id" SET NOT NULL;
ALTER TABLE "exercise_answers" DROP CONSTRAINT "exercise_answers_attempt_id_fkey";
ALTER TABLE "exercise_attempts" DROP CONSTRAINT "exercise_attempts_pkey", ADD CONSTRAINT "exercise_attempts_pkey" PRIMARY KEY ("workspace_incident_id", "id");
ALTER TABLE "exercise_answers" DROP CONSTRAINT "exercise_answers_pkey", ADD CONSTRAINT "exercise_answers_pkey" PRIMARY KEY ("workspace_incident_id", "attempt_id", "task_id");
ALTER TABLE "exercise_answers" ADD CONSTRAINT "exercise_answers_attempt_id_fkey" FOREIGN KEY ("workspace_incident_id", "attempt_id") REFERENCES "exercise_attempts" ("workspace_incident_id", "id") ON DELETE CASCADE;
DROP INDEX "exercise_attempts_exercise_trainee_key";
CREATE INDEX "exercise_attempts_exercise_trainee_idx" ON "exercise_attempts" ("exercise_id", "trainee_id");
