-- Staged rows carry the entities their parser found (accounts, hosts, IPs, apps, mailboxes,
-- files, key ids) and a sequence number that identifies each row within its import.
ALTER TABLE "event_staging" ADD COLUMN "seq" BIGINT NOT NULL;
ALTER TABLE "event_staging" ADD COLUMN "entities" JSONB;
