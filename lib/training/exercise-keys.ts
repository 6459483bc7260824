// The one reader of exercise_keys. Nothing here may reach a trainee before they submit: callers
// are scoring, hints (one hint at a time, as taken) and the instructor's pages.

import type { SqlRunner } from "@/lib/db/sql";
import type { ExerciseKey } from "./exercise-key";

export async function readExerciseKey(sql: SqlRunner, exerciseId: string, variant: number): Promise<ExerciseKey> {
  const [row] = await sql.query<{ key: ExerciseKey }>("SELECT key FROM exercise_keys WHERE exercise_id = $1 AND variant = $2", [
    exerciseId,
    variant,
  ]);
  if (!row) throw new Error(`exercise ${exerciseId} has no key for variant ${variant}`);
  return row.key;
}
