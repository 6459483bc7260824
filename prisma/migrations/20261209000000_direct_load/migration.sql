-- Imports write straight into their own tables while reading (lib/ingest/load-tables.ts): the
-- staging table's template goes, with any per-import staging table an interrupted import left.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c
           WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND c.relname ~ '^staging_[0-9a-f]{32}$'
  LOOP
    EXECUTE format('DROP TABLE %I', t);
  END LOOP;
END $$;

DROP TABLE "event_staging";
