// What the public record says about the chain, as an analyst would enter it: the published
// confidence in the crash-dump path over time and the competing hypotheses for the key theft.
// The answer key cites these; `scenario load` records them as analyst assessments (with their
// sources and publication dates), so the chain can be shown as believed on any date.

import type { ConfidenceChange, Hypothesis, StageKey } from "./answer-key-types";
import { DATES, SOURCES } from "./facts";

export const MOST_PROBABLE: ConfidenceChange = {
  asOf: DATES.msrcMostProbable,
  label: "likely",
  score: 70,
  wording: "most probable",
  source: SOURCES.msrc0906,
  publisher: "MSRC",
  publishedOn: DATES.msrcMostProbable,
};
export const UNPROVEN: ConfidenceChange = {
  asOf: DATES.msrcAddendum,
  label: "possible",
  score: 35,
  wording: "unproven: a leading hypothesis only; no crash dump containing the key was found",
  source: `${SOURCES.msrc0906} (12 Mar 2024 addendum)`,
  publisher: "MSRC",
  publishedOn: DATES.msrcAddendum,
};
/** The CSRB's report, released after the addendum (it cannot be cited before 2 April 2024): the same judgement, independently. */
export const CSRB_NOT_PROVEN: ConfidenceChange = {
  asOf: DATES.csrbReleased,
  label: "possible",
  score: 35,
  wording: "not proven: Microsoft could not show how the key was taken; the crash-dump theory is one of several",
  source: `${SOURCES.csrb} p.5`,
  publisher: "CSRB",
  publishedOn: DATES.csrbReleased,
};

export const HYPOTHESES: Hypothesis[] = [
  {
    id: "H1",
    title:
      "Key left the signing environment in the April 2021 crash dump and was taken from the debugging environment through the compromised engineer account",
    status: "leading",
    provenance: "public-record",
    source: SOURCES.msrc0906,
    detail:
      "Called most probable on 6 Sep 2023; on 12 Mar 2024 reduced to a leading hypothesis: a race condition could let a dump leave the signing environment but did not decide whether the key was in it.",
  },
  {
    id: "H2",
    title:
      "Other operational errors let key material leave the signing environment (not necessarily a crash dump), later reached through the engineer account",
    status: "open",
    provenance: "public-record",
    source: `${SOURCES.msrc0906} (12 Mar 2024 addendum)`,
    detail: "The addendum's wording of the leading hypothesis covers any operational error, not only the crash dump.",
  },
  {
    id: "H3",
    title: "An insider stole the key during its creation",
    status: "open",
    provenance: "public-record",
    source: `${SOURCES.csrb} p.5`,
    detail: "Named by the CSRB among Microsoft's 46 hypotheses.",
  },
  {
    id: "H4",
    title: "A theoretical capability (e.g. quantum computing) to break the public-key cryptography",
    status: "unlikely",
    provenance: "public-record",
    source: `${SOURCES.csrb} p.5`,
    detail: "Named by the CSRB as one of the wide-ranging hypotheses pursued.",
  },
  {
    id: "H5",
    title: "An earlier compromise (an engineer device believed compromised before the 2020 acquisition) gave the actor a different path",
    status: "open",
    provenance: "public-record",
    source: `${SOURCES.csrb} p.7`,
    detail: "Microsoft 'believes' the device was compromised; no evidence published.",
  },
  {
    id: "H6",
    title: "Direct compromise of the production signing infrastructure or its key store",
    status: "open",
    provenance: "illustrative",
    source: null,
    detail: "Written for the exercise; the public record says 46 hypotheses were pursued without listing them.",
  },
  {
    id: "H7",
    title: "Key material copied from a backup, diagnostic or build artefact outside the debugging share",
    status: "open",
    provenance: "illustrative",
    source: null,
    detail: "Written for the exercise; the long life of the unrotated 2016 key widened every such window.",
  },
];

/** Published confidence changes, per stage whose step they concern. */
export const PUBLIC_CONFIDENCE: { stage: StageKey; changes: ConfidenceChange[] }[] = [
  { stage: "key-exposure", changes: [MOST_PROBABLE, UNPROVEN, CSRB_NOT_PROVEN] },
  { stage: "key-acquisition", changes: [MOST_PROBABLE, UNPROVEN, CSRB_NOT_PROVEN] },
];

/** Which steps each hypothesis explains: H1 is the whole crash-dump path; all explain the key theft. */
export const HYPOTHESIS_STAGES: Record<string, StageKey[]> = Object.fromEntries(
  HYPOTHESES.map((h) => [
    h.id,
    h.id === "H1" ? ["key-exposure", "transfer-out", "detection-failure", "key-acquisition"] : ["key-acquisition"],
  ]),
);
