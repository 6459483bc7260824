-- A record that arrives as text inside another record's field (a Sysmon for Linux event's XML or
-- an AUOMS audit record inside SyslogMessage) is parsed once at import into `fields`, so rules read
-- its values one by one. `raw` stays exactly as imported; `fields` is null for every other record.
ALTER TABLE "events" ADD COLUMN "fields" JSONB;
ALTER TABLE "event_staging" ADD COLUMN "fields" JSONB;
