-- An incident's lifecycle: when it was contained and when it was closed, as the owner records
-- them (open → contained → closed; reopening clears them).
ALTER TABLE "incidents" ADD COLUMN "contained_at" TIMESTAMPTZ(6), ADD COLUMN "closed_at" TIMESTAMPTZ(6);
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_lifecycle_order"
  CHECK ("contained_at" IS NULL OR "closed_at" IS NULL OR "contained_at" <= "closed_at");
