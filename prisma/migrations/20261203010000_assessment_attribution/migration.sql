-- Who a confidence assessment is the judgement of, when not the person who entered it: the public
-- record's publisher (MSRC, CSRB). And the date of the document cited, which may not be later than
-- the assessment's own effective date (an assessment cannot rest on a report not yet written).
ALTER TABLE "chain_step_confidence" ADD COLUMN "attributed_to" TEXT;
ALTER TABLE "chain_step_confidence" ADD COLUMN "cited_on" DATE;
ALTER TABLE "chain_step_confidence" ADD CONSTRAINT "chain_step_confidence_cited_on_check"
  CHECK ("cited_on" IS NULL OR "cited_on" <= ("effective_at" AT TIME ZONE 'UTC')::date);
