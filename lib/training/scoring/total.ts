import { round } from "./stage-tags";

/** One task's outcome before hints and the clock: what it was worth and what the answer earned. */
export type TaskOutcome = { task: string; worth: number; earned: number; hintsUsed: number; hintCost: number; answeredAt: number | null };

export type TaskTotal = { task: string; worth: number; points: number; late: boolean };

/**
 * The exercise's score: each task's points less what its hints cost (never below zero), nothing
 * for an answer given after the time limit, summed.
 */
export function totalScore(
  outcomes: readonly TaskOutcome[],
  deadline: number | null,
): { points: number; worth: number; tasks: TaskTotal[] } {
  const tasks = outcomes.map((o) => {
    const late = deadline !== null && o.answeredAt !== null && o.answeredAt > deadline;
    const points = late ? 0 : round(Math.max(0, Math.min(o.worth, o.earned) - o.hintsUsed * o.hintCost));
    return { task: o.task, worth: o.worth, points, late };
  });
  return { points: round(tasks.reduce((a, t) => a + t.points, 0)), worth: round(tasks.reduce((a, t) => a + t.worth, 0)), tasks };
}
