// The exercise's results as CSV, one row per attempt, one column per task's points (cells
// neutralised like every CSV Chainline writes: a trainee's name is not a formula).

import { csvLine } from "@/lib/exports/csv-cell";
import type { Dashboard } from "./dashboard";

export function resultsCsv(d: Dashboard): string {
  const head = [
    "trainee",
    "email",
    "variant",
    "started_at",
    "submitted_at",
    "minutes",
    "hints_used",
    "score",
    "worth",
    ...d.tasks.map((t) => `task:${t.id}`),
  ];
  const rows = d.attempts.map((a) =>
    csvLine([
      a.trainee,
      a.email,
      a.variant,
      a.startedAt?.toISOString() ?? "",
      a.submittedAt?.toISOString() ?? "",
      a.minutes ?? "",
      a.hintsUsed,
      a.score ?? "",
      a.worth ?? "",
      ...d.tasks.map((t) => a.taskPoints[t.id] ?? ""),
    ]),
  );
  return [csvLine(head), ...rows].join("");
}
