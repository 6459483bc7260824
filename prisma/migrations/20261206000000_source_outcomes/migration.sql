-- An import that stored nothing ends "empty" (no records: only a header or blank lines), or
-- "failed" with the reason when every record was rejected; "complete" means records were read
-- and each is an event or a duplicate of one.
ALTER TYPE "source_status" ADD VALUE 'empty';
