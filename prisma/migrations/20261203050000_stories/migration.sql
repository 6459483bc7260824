-- Stories: several per incident, each with an audience and a template, written in versions.
-- A version is a draft until it is sent for review, approved by someone other than its author and
-- published; a published version never changes (editing starts the next version). Every save
-- names the revision it was based on, so a second editor's save is refused rather than lost.
ALTER TABLE "stories" DROP COLUMN "body";
ALTER TABLE "stories" ADD COLUMN "template" TEXT NOT NULL DEFAULT 'blank';

CREATE TABLE "story_versions" (
  "id"              UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"     UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "story_id"        UUID NOT NULL REFERENCES "stories" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "number"          INTEGER NOT NULL,
  "title"           TEXT NOT NULL,
  "body"            TEXT NOT NULL DEFAULT '',
  "status"          TEXT NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'in_review', 'approved', 'published')),
  "revision"        INTEGER NOT NULL DEFAULT 0,
  "created_by_id"   UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "created_at"      TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_by_id"   UUID REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "updated_at"      TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "submitted_by_id" UUID REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "submitted_at"    TIMESTAMPTZ(6),
  "approved_by_id"  UUID REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "approved_at"     TIMESTAMPTZ(6),
  "checklist"       JSONB,
  "published_by_id" UUID REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "published_at"    TIMESTAMPTZ(6),
  CONSTRAINT "story_versions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "story_versions_story_id_number_key" UNIQUE ("story_id", "number")
);
CREATE INDEX "story_versions_incident_id_idx" ON "story_versions" ("incident_id");

-- A published version is the record: nothing updates it (the incident's deletion still removes it).
CREATE FUNCTION "story_version_published_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'published' THEN
    RAISE EXCEPTION 'story version % is published and cannot change', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "story_versions_published_final" BEFORE UPDATE ON "story_versions"
  FOR EACH ROW EXECUTE FUNCTION "story_version_published_is_final"();

-- What a story cites (an event, a chain step, a gap, a hypothesis, an entity, a timeline view or
-- figure), frozen as it was when cited: the story keeps this text whatever the live object becomes.
CREATE TABLE "story_citations" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id" UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "story_id"    UUID NOT NULL REFERENCES "stories" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "kind"        TEXT NOT NULL CHECK ("kind" IN ('event', 'step', 'gap', 'hypothesis', 'entity', 'view', 'figure')),
  "ref"         TEXT NOT NULL,
  "frozen"      JSONB NOT NULL,
  "cited_by_id" UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "cited_at"    TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "story_citations_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "story_citations_story_id_idx" ON "story_citations" ("story_id");
CREATE INDEX "story_citations_incident_id_idx" ON "story_citations" ("incident_id");

-- Action items: what the organisation will do, per incident (and the story that proposed it).
CREATE TABLE "action_items" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"   UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "story_id"      UUID REFERENCES "stories" ("id") ON UPDATE CASCADE ON DELETE SET NULL,
  "title"         TEXT NOT NULL,
  "kind"          TEXT NOT NULL CHECK ("kind" IN ('prevent', 'mitigate', 'detect', 'process')),
  "owner"         TEXT NOT NULL DEFAULT '',
  "due_on"        DATE,
  "status"        TEXT NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'in_progress', 'done', 'wont_do')),
  "ticket_url"    TEXT,
  "created_by_id" UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "created_at"    TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"    TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "action_items_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "action_items_incident_id_idx" ON "action_items" ("incident_id");
CREATE INDEX "action_items_open_due_idx" ON "action_items" ("status", "due_on");
