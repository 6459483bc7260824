// An instructor sets an exercise from the Storm-0558 scenario: one generated story, rewritten per
// trainee (or once for all) as a variant, imported into each trainee's own workspace. Each
// variant's answer key is frozen in exercise_keys; the generated files are removed afterwards (the
// evidence lives in the workspaces, the answers in the keys).

import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { assertMayWrite } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { importFile } from "@/lib/ingest/import-file";
import type { AnswerKey, Manifest } from "@/scenarios/storm-0558/answer-key-types";
import { ANSWER_KEY_FILE, generateScenario, MANIFEST_FILE } from "@/scenarios/storm-0558/generate";
import { writeVariant } from "@/scenarios/storm-0558/variant";
import { addAttempts } from "./add-attempts";
import { buildExerciseKey, type ExerciseKey } from "./exercise-key";
import { newVariant } from "./new-variant";
import { scenarioTasks } from "./tasks";
import { resolveTrainees } from "./trainees";

export const ZCreateExercise = z.object({
  title: z.string().trim().min(1).max(200),
  /** Trainees by e-mail: each must have an account. */
  trainees: z.array(z.string().trim().toLowerCase().email()).min(1).max(200),
  variantMode: z.enum(["per-trainee", "shared"]).default("per-trainee"),
  /** Background records around the story (more makes the search harder). */
  noise: z.number().int().min(0).max(200_000).default(2000),
  timeLimitMinutes: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 60)
    .nullable()
    .default(null),
});
export type TCreateExercise = z.input<typeof ZCreateExercise>;

/** Creates the exercise, its keys, and one workspace and attempt per trainee. The actor is its instructor. */
export async function createScenarioExercise(ctx: Ctx, input: TCreateExercise) {
  assertMayWrite(ctx);
  const data = ZCreateExercise.parse(input);
  const trainees = await resolveTrainees(ctx, data.trainees);

  const seed = 558;
  const work = await mkdtemp(path.join(os.tmpdir(), "chainline-exercise-"));
  try {
    const base = path.join(work, "base");
    await generateScenario({ outDir: base, seed, noise: data.noise });
    const baseKey = JSON.parse(readFileSync(path.join(base, ANSWER_KEY_FILE), "utf8")) as AnswerKey;
    const exercise = await ctx.db.prisma.exercise.create({
      data: {
        title: data.title,
        sourceKind: "scenario",
        variantMode: data.variantMode,
        seed,
        noise: data.noise,
        timeLimitMinutes: data.timeLimitMinutes,
        tasks: scenarioTasks(baseKey.hypotheses),
        createdById: ctx.actor.userId,
      },
    });
    const taken = new Set<number>();
    const shared = data.variantMode === "shared" ? newVariant(taken) : null;
    const written = new Set<number>();
    const attempts = await addAttempts(ctx, exercise, trainees, {
      sourceIncidentId: null,
      prepare: async () => {
        const variant = shared ?? newVariant(taken);
        const dir = path.join(work, `v${variant}`);
        if (!written.has(variant)) {
          written.add(variant);
          const replacements = await writeVariant(base, dir, variant);
          const answers = JSON.parse(readFileSync(path.join(dir, ANSWER_KEY_FILE), "utf8")) as AnswerKey;
          const key: ExerciseKey = buildExerciseKey(answers, variant, replacements);
          await ctx.db.prisma.exerciseKey.create({ data: { exerciseId: exercise.id, variant, key } });
        }
        return { variant, fill: (workspaceId) => importVariant(ctx, workspaceId, dir) };
      },
    });
    return { exerciseId: exercise.id, attempts };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Imports every file the variant's manifest lists, through the normal importers; nothing else runs. */
async function importVariant(ctx: Ctx, incidentId: string, dir: string) {
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), "utf8")) as Manifest;
  for (const f of manifest.files) {
    await importFile(ctx, {
      incidentId,
      filePath: path.join(dir, f.path),
      fileName: f.path,
      options: { zone: f.timeZone, retentionDays: f.retention?.retentionDays },
    });
  }
}
