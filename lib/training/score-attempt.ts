// Scores a submitted attempt against its variant's key, task by task, with feedback per mistake
// naming the evidence that shows the right answer. Pure: the caller reads the answers, the
// trainee's tags and the workspace's event ids.

import { type ExerciseKey, type KeyRef, refId } from "./exercise-key";
import { scoreChainOrder } from "./scoring/chain-order";
import { scoreExactAnswer } from "./scoring/exact-answer";
import { scoreGaps } from "./scoring/gaps";
import { round, scoreStageTags } from "./scoring/stage-tags";
import { scoreWindow } from "./scoring/time-window";
import { type TaskOutcome, totalScore } from "./scoring/total";
import type { Task } from "./tasks";

export type Evidence = { eventId: string | null; label: string };
export type Mistake = { text: string; evidence: Evidence[] };
export type TaskResult = {
  id: string;
  title: string;
  worth: number;
  points: number;
  late: boolean;
  hintsUsed: number;
  /** Waiting for the instructor's grade (the brief). */
  pending: boolean;
  mistakes: Mistake[];
};
export type AttemptResult = { score: number; worth: number; tasks: TaskResult[] };

export type AnswerRow = { answer: Record<string, unknown>; hintsUsed: number; answeredAt: number | null };

export type ScoreInput = {
  tasks: readonly Task[];
  key: ExerciseKey;
  answers: ReadonlyMap<string, AnswerRow>;
  /** The trainee's stage tags on the workspace's events (as frozen at submission), by "file:line". */
  tags: ReadonlyMap<string, string>;
  /** The workspace event id of a "file:line", for links. */
  eventIds: ReadonlyMap<string, string>;
  deadline: number | null;
  submittedAt: number;
  /** A stage's name, for feedback. */
  stageName: (key: string) => string;
  /** The instructor's grade of the brief, once given. */
  briefGrade?: { points: number; comment: string } | null;
};

const ms = (iso: string) => Date.parse(iso);
/** How many events a grouped mistake links to. */
const FEEDBACK_EXAMPLES = 3;
const day = (iso: string) => iso.slice(0, 10);

export function scoreAttempt(input: ScoreInput): AttemptResult {
  const { key } = input;
  const ev = (ref: KeyRef | null | undefined): Evidence[] =>
    ref ? [{ eventId: input.eventIds.get(refId(ref)) ?? null, label: `${ref.summary} (${ref.file}, line ${ref.line})` }] : [];
  const summaries = new Map(key.stageTags.map((t) => [refId(t), t]));
  const results = input.tasks.map((task) => scoreTask(task));
  function scoreTask(task: Task): { earned: number; pending: boolean; mistakes: Mistake[]; answeredAt: number | null } {
    const row = input.answers.get(task.id);
    const a = row?.answer ?? {};
    const answeredAt = row?.answeredAt ?? null;
    switch (task.kind) {
      case "stage-tags": {
        const given = [...input.tags].map(([event, stage]) => ({ event, stage }));
        const s = scoreStageTags(
          key.stageTags.map((t) => ({ event: refId(t), stage: t.stage })),
          given,
          task.worth,
        );
        // Grouped (the key tags hundreds of mail reads alike): one line per kind of mistake, with
        // its first few events as evidence.
        const groups = new Map<string, { n: number; refs: KeyRef[]; text: (n: number) => string }>();
        for (const m of s.mistakes) {
          const [file = "", line = "0"] = m.event.split(/:(?=\d+$)/);
          const ref = summaries.get(m.event) ?? { file, line: Number(line), summary: "an event you tagged" };
          const name = (k: string) => input.stageName(k);
          const id = m.kind === "missed" ? `missed:${m.expected}` : `wrong:${m.given}:${m.expected ?? ""}`;
          const text =
            m.kind === "missed"
              ? (n: number) => `Not tagged: ${n} ${n === 1 ? "event that evidences" : "events that evidence"} ${name(m.expected)}.`
              : m.expected
                ? (n: number) =>
                    `Tagged ${name(m.given)} on ${n} ${n === 1 ? "event" : "events"} the evidence shows as ${name(m.expected as string)}.`
                : (n: number) =>
                    `Tagged ${name(m.given)} on ${n} ${n === 1 ? "event that evidences" : "events that evidence"} no step of the attack.`;
          const g = groups.get(id) ?? { n: 0, refs: [], text };
          g.n++;
          if (g.refs.length < FEEDBACK_EXAMPLES) g.refs.push(ref);
          groups.set(id, g);
        }
        const mistakes = [...groups.values()].map((g): Mistake => ({ text: g.text(g.n), evidence: g.refs.flatMap(ev) }));
        return { earned: s.points, pending: false, mistakes, answeredAt };
      }
      case "chain-order": {
        const order = (a.order as string[] | undefined) ?? [];
        const s = scoreChainOrder(
          key.chainOrder.map((c) => c.stage),
          order,
          task.worth,
        );
        const byStage = new Map(key.chainOrder.map((c) => [c.stage, c.evidence]));
        const mistakes = s.misplaced.map((stage) => ({
          text: `${input.stageName(stage)} is out of place: it is step ${key.chainOrder.findIndex((c) => c.stage === stage) + 1} of ${key.chainOrder.length}.`,
          evidence: ev(byStage.get(stage)),
        }));
        return { earned: s.points, pending: false, mistakes, answeredAt };
      }
      case "time-window": {
        if (!key.window) return { earned: 0, pending: false, mistakes: [], answeredAt };
        if (typeof a.start !== "string" || typeof a.end !== "string")
          return {
            earned: 0,
            pending: false,
            mistakes: [{ text: "Not answered.", evidence: key.window.evidence.flatMap(ev) }],
            answeredAt,
          };
        const s = scoreWindow({ start: ms(key.window.start), end: ms(key.window.end) }, { start: ms(a.start), end: ms(a.end) }, task.worth);
        const mistakes =
          s.overlap >= 0.99
            ? []
            : [
                {
                  text: `Your window overlaps the key's by ${Math.round(s.overlap * 100)} %: the theft lies between ${day(key.window.start)} (the dump reaches the debugging environment) and ${day(key.window.end)} (the first forged token).`,
                  evidence: key.window.evidence.flatMap(ev),
                },
              ];
        return { earned: s.points, pending: false, mistakes, answeredAt };
      }
      case "gaps": {
        const windows = ((a.windows as { start: string; end: string }[] | undefined) ?? []).map((w) => ({
          start: ms(w.start),
          end: ms(w.end),
        }));
        const s = scoreGaps(
          key.gaps.map((g) => ({ id: g.id, start: ms(g.start), end: ms(g.end) })),
          windows,
          task.worth,
        );
        const mistakes: Mistake[] = s.matched
          .filter((m) => m.overlap < 0.9)
          .map((m) => {
            const g = key.gaps.find((x) => x.id === m.key);
            return {
              text: `${g?.scope}: missing from ${day(g?.start ?? "")} to ${day(g?.end ?? "")} (you covered ${Math.round(m.overlap * 100)} %).`,
              evidence: [],
            };
          });
        if (s.extra > 0) mistakes.push({ text: `${s.extra} window(s) you marked match no gap in the evidence.`, evidence: [] });
        return { earned: s.points, pending: false, mistakes, answeredAt };
      }
      case "hypothesis": {
        const h = key.hypothesis;
        if (!h) return { earned: 0, pending: false, mistakes: [], answeredAt };
        const choiceRight = a.choice === h.leading;
        const confidenceRight = a.confidence === h.confidence;
        const earned = (choiceRight ? 0.7 * task.worth : 0) + (confidenceRight ? 0.3 * task.worth : 0);
        const mistakes: Mistake[] = [];
        const leading = task.choices?.find((c) => c.id === h.leading)?.label ?? h.leading;
        if (!choiceRight) mistakes.push({ text: `The leading hypothesis is: ${leading}.`, evidence: [] });
        if (!confidenceRight) mistakes.push({ text: `Its confidence is ${h.confidence}: ${h.rationale}`, evidence: [] });
        return { earned: round(earned), pending: false, mistakes, answeredAt };
      }
      case "exact": {
        const k = key.exact[task.id];
        const s = scoreExactAnswer(k?.accepted ?? [], (a.tries as string[] | undefined) ?? [], task.worth, task.penalty);
        const mistakes: Mistake[] = s.correct
          ? s.wrongTries > 0
            ? [{ text: `${s.wrongTries} wrong ${s.wrongTries === 1 ? "try" : "tries"} before the right answer.`, evidence: [] }]
            : []
          : [{ text: `The answer is ${(k?.accepted ?? []).join(" or ")}.`, evidence: (k?.evidence ?? []).flatMap(ev) }];
        return { earned: s.points, pending: false, mistakes, answeredAt };
      }
      case "brief": {
        const grade = input.briefGrade ?? null;
        return {
          earned: grade?.points ?? 0,
          pending: grade === null,
          mistakes: grade?.comment ? [{ text: grade.comment, evidence: [] }] : [],
          answeredAt,
        };
      }
    }
  }
  const outcomes: TaskOutcome[] = input.tasks.map((t, i) => ({
    task: t.id,
    worth: t.worth,
    earned: results[i]?.earned ?? 0,
    hintsUsed: input.answers.get(t.id)?.hintsUsed ?? 0,
    hintCost: t.hintCost,
    answeredAt: results[i]?.answeredAt ?? null,
  }));
  const total = totalScore(outcomes, input.deadline);
  return {
    score: total.points,
    worth: total.worth,
    tasks: input.tasks.map((t, i) => ({
      id: t.id,
      title: t.title,
      worth: t.worth,
      points: total.tasks[i]?.points ?? 0,
      late: total.tasks[i]?.late ?? false,
      hintsUsed: outcomes[i]?.hintsUsed ?? 0,
      pending: results[i]?.pending ?? false,
      mistakes: results[i]?.mistakes ?? [],
    })),
  };
}
