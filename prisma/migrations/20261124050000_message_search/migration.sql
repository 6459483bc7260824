-- Full-text search read `<…>` as markup and dropped it (a logged `<script>` payload or an EVTX
-- `<Data Name=…>` field could not be found): angle brackets are indexed as spaces instead.
-- lib/queries/message-search-sql.ts builds the same expression for queries.
DROP INDEX "events_message_fts_idx";
CREATE INDEX "events_message_fts_idx" ON "events" USING GIN (to_tsvector('simple', translate("message", '<>', '  ')));
