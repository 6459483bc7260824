/** What a reviewer confirms before approving; every item must hold. */
export const CHECKLIST = {
  evidenceCited: "Every statement of fact is cited to its evidence",
  impactComplete: "The impact is complete: who and what was affected, how many, for how long",
  contributingFactors: "Contributing factors are listed, not one cause",
  actionItemsOwned: "Every action item has an owner",
} as const;
export type ChecklistKey = keyof typeof CHECKLIST;
