import { expect, it } from "vitest";
import { can } from "@/lib/access/authorize";
import { setEventStage } from "@/lib/chain/actions/set-event-stage";
import { getLocalContext } from "@/lib/context/get-local-context";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { NotFoundError } from "@/lib/errors/not-found";
import { loadScenario } from "@/lib/scenarios/load-scenario";
import { newAccount } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { answerTask, startAttempt } from "./answers";
import { createIncidentExercise } from "./create-incident-exercise";
import { refId } from "./exercise-key";
import { readExerciseKey } from "./exercise-keys";
import { submitAttempt } from "./submit-attempt";
import { undoExercise } from "./undo-exercise";

describeEachDatabase("an exercise from a reviewed incident", (kind) => {
  const t = useTestDatabase(kind);

  it("freezes the incident's chain, stages, gaps and leading hypothesis as the key and gives each trainee a stripped copy", async () => {
    const owner = await getLocalContext(t.db);
    const { incidentId } = await loadScenario(owner, { noise: 150, dir: undefined, seed: 558 });
    const instructor = await newAccount(t.db, { name: "Instructor" });
    const trainee = await newAccount(t.db, { name: "Trainee" });
    // Only the case's owner may hand its evidence on: a stranger finds nothing, a viewer is refused.
    const attempt = () => createIncidentExercise(instructor.ctx, { title: "Case study", trainees: [trainee.email], incidentId });
    await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
    const membership = await t.db.prisma.membership.create({ data: { userId: instructor.ctx.actor.userId, incidentId, role: "viewer" } });
    await expect(attempt()).rejects.toBeInstanceOf(ForbiddenError);
    await t.db.prisma.membership.update({ where: { id: membership.id }, data: { role: "owner" } });
    // Two sources of one name (as two hosts' Security.evtx would be): their events stay apart.
    await t.db.sql.query(
      `UPDATE sources SET name = 'logs.jsonl' WHERE id IN (
         SELECT s.id FROM sources s WHERE s.incident_id = $1 AND s.format <> 'windows-xml'
           AND EXISTS (SELECT 1 FROM chain_step_events ce JOIN events e ON e.id = ce.event_id WHERE e.source_id = s.id)
         ORDER BY s.name LIMIT 2)`,
      [incidentId],
    );
    const { exerciseId, attempts } = await createIncidentExercise(instructor.ctx, {
      title: "Case study",
      trainees: [trainee.email],
      incidentId,
    });
    const [a] = attempts;
    if (!a) throw new Error("no attempt");
    const key = await readExerciseKey(t.db.sql, exerciseId, 0);
    expect(key.chainOrder.length).toBeGreaterThanOrEqual(5);
    expect(key.stageTags.length).toBeGreaterThan(10);
    expect(key.gaps.length).toBeGreaterThan(0);
    expect(key.hypothesis).not.toBeNull();
    expect(key.stageTags.some((x) => x.file === "logs.jsonl (2)")).toBe(true);

    // The same evidence, nothing that answers it; the trainee sees the copy, not the case.
    const count = async (sql: string, id: string) => (await t.db.sql.query<{ n: number }>(sql, [id]))[0]?.n;
    const events = "SELECT count(*)::int AS n FROM events WHERE incident_id = $1";
    const links = "SELECT count(*)::int AS n FROM event_entities ee JOIN events e ON e.id = ee.event_id WHERE e.incident_id = $1";
    expect(await count(events, a.workspaceId)).toBe(await count(events, incidentId));
    expect(await count(links, a.workspaceId)).toBe(await count(links, incidentId));
    for (const sql of [
      "SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND (stage_id IS NOT NULL OR severity IS NOT NULL)",
      "SELECT count(*)::int AS n FROM chain_steps WHERE incident_id = $1",
      "SELECT count(*)::int AS n FROM gaps WHERE incident_id = $1",
      "SELECT count(*)::int AS n FROM hypotheses WHERE incident_id = $1",
    ])
      expect(await count(sql, a.workspaceId), sql).toBe(0);
    expect(await can(trainee.ctx, incidentId, "evidence.view")).toBe(false);

    // A perfect attempt scores every task's worth but the brief (the instructor's to grade).
    await startAttempt(trainee.ctx, a.attemptId);
    const ids = new Map(
      (
        await t.db.sql.query<{ ref: string; id: string }>(
          "SELECT s.name || ':' || e.line_number AS ref, e.id::text AS id FROM events e JOIN sources s ON s.id = e.source_id WHERE e.incident_id = $1",
          [a.workspaceId],
        )
      ).map((r) => [r.ref, r.id]),
    );
    for (const stage of new Set(key.stageTags.map((x) => x.stage))) {
      const eventIds = key.stageTags.filter((x) => x.stage === stage).map((x) => ids.get(refId(x)) as string);
      await setEventStage(trainee.ctx, a.workspaceId, { eventIds, stageKey: stage });
    }
    await answerTask(trainee.ctx, a.attemptId, "order", { order: key.chainOrder.map((c) => c.stage) });
    await answerTask(trainee.ctx, a.attemptId, "gaps", { windows: key.gaps.map((g) => ({ start: g.start, end: g.end })) });
    await answerTask(trainee.ctx, a.attemptId, "hypothesis", { choice: key.hypothesis?.leading, confidence: key.hypothesis?.confidence });
    const result = await submitAttempt(trainee.ctx, a.attemptId);
    expect(result.tasks.map((x) => [x.id, x.points])).toEqual([
      ["tags", 40],
      ["order", 20],
      ["gaps", 20],
      ["hypothesis", 10],
      ["brief", 0],
    ]);
    expect(result.score).toBe(90);

    // What a failed set-up undoes: the workspaces with their evidence, the exercise with its keys and attempts.
    await undoExercise(instructor.ctx, exerciseId, [a.workspaceId]);
    for (const [sql, id] of [
      ["SELECT count(*)::int AS n FROM incidents WHERE id = $1", a.workspaceId],
      ["SELECT count(*)::int AS n FROM events WHERE incident_id = $1", a.workspaceId],
      ["SELECT count(*)::int AS n FROM exercise_keys WHERE exercise_id = $1", exerciseId],
      ["SELECT count(*)::int AS n FROM exercise_attempts WHERE exercise_id = $1", exerciseId],
    ] as const)
      expect(await count(sql, id), sql).toBe(0);
    expect(await count(events, incidentId)).toBeGreaterThan(0);
  }, 300_000);
});
