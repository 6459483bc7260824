// The frozen answer key of one variant of an exercise, built from the scenario's answer key as
// the variant rewrote it. Events are named by file and line (the record's first line), which hold
// in every workspace the variant is imported into; scoring maps them to the workspace's events.

import type { AnswerKey, KeyEvent } from "@/scenarios/storm-0558/answer-key-types";
import { ACTOR_APP } from "@/scenarios/storm-0558/cast";
import type { Replacement } from "@/scenarios/storm-0558/variant";
import { choiceIds } from "./tasks";

export type KeyRef = { file: string; line: number; summary: string };

export type ExerciseKey = {
  variant: number;
  /** What this variant changed (the instructor's view), and how many weeks it moved the story. */
  replacements: Replacement[];
  shiftWeeks: number;
  stageTags: (KeyRef & { stage: string })[];
  chainOrder: { stage: string; evidence: KeyRef | null }[];
  /** The window the theft must lie in (scenario exercises; null for an incident's). */
  window: { start: string; end: string; evidence: KeyRef[] } | null;
  gaps: { id: string; scope: string; start: string; end: string }[];
  /** The leading hypothesis (as its choice id in the task) and its confidence (null when the incident names none). */
  hypothesis: { leading: string; confidence: string; rationale: string } | null;
  exact: Record<string, { accepted: string[]; evidence: KeyRef[] }>;
  /** Hints by task id, in the order they are given. */
  hints: Record<string, string[]>;
};

/** The identity of an event across workspaces: "file:line". */
export function refId(ref: { file: string; line: number }): string {
  return `${ref.file}:${ref.line}`;
}

const toRef = (e: KeyEvent): KeyRef => ({ file: e.file, line: e.line, summary: e.summary });

/** The exercise key of a scenario variant: `key` is the variant's answer key, `replacements` what it changed. */
export function buildExerciseKey(key: AnswerKey, variant: number, replacements: Replacement[]): ExerciseKey {
  const replaced = (original: string) => replacements.find((r) => r.from === original)?.to ?? original;
  const ofStage = (stage: string) => key.events.filter((e) => e.stage === stage);
  const theft = key.chain.find((s) => s.stage === "key-acquisition");
  if (!theft?.when.start || !theft.when.end) throw new Error("the answer key has no key-theft window");
  const windowEvidence = key.events.filter((e) => e.ts === theft.when.start || e.ts === theft.when.end).map(toRef);
  const leading = key.hypotheses.find((h) => h.status === "leading");
  if (!leading) throw new Error("the answer key has no leading hypothesis");
  const stagesWithEvents = new Set(key.events.map((e) => e.stage));
  return {
    variant,
    replacements,
    shiftWeeks: (key as AnswerKey & { timeShiftWeeks?: number }).timeShiftWeeks ?? 0,
    stageTags: key.events.map((e) => ({ ...toRef(e), stage: e.stage })),
    chainOrder: key.chain.map((s) => ({ stage: s.stage, evidence: ofStage(s.stage).map(toRef)[0] ?? null })),
    window: { start: theft.when.start, end: theft.when.end, evidence: windowEvidence },
    gaps: key.gaps.map((g) => ({ id: g.id, scope: g.scope, start: g.start, end: g.end })),
    hypothesis: {
      leading: choiceIds(key.hypotheses).get(leading.id) as string,
      confidence: theft.confidence.label,
      rationale: theft.rationale,
    },
    exact: {
      app: { accepted: [replaced(ACTOR_APP.appId)], evidence: ofStage("mailbox-access").slice(0, 3).map(toRef) },
      kid: { accepted: [key.publicRecord.kid], evidence: ofStage("token-forgery").slice(0, 3).map(toRef) },
      address: { accepted: [...key.publicRecord.iocIps], evidence: ofStage("mailbox-access").slice(0, 3).map(toRef) },
    },
    hints: {
      tags: [
        `The key tags ${key.events.length} events across ${stagesWithEvents.size} stages.`,
        "Start from the mailbox reads by an AppId no Outlook client uses and walk back: who signed their tokens, and whose account was used before that?",
      ],
      order: ["The key material was exposed in 2021; the forged tokens were seen in 2023."],
      window: [
        "It cannot start before the crash dump reached the debugging environment, nor end after the first forged token was accepted.",
      ],
      gaps: ["Look for sources whose events stop short of the incident, and for a network nobody logged."],
      app: ["Compare the AppIds of the MailItemsAccessed records with those Outlook clients use."],
      kid: ["Token validation records name the key that signed each token."],
      address: ["Look at the client addresses of the mailbox reads by the unusual AppId."],
    },
  };
}
