import { expect, it } from "vitest";
import { authorize, can } from "@/lib/access/authorize";
import { setEventStage } from "@/lib/chain/actions/set-event-stage";
import { NotFoundError } from "@/lib/errors/not-found";
import { newAccount } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { answerTask, startAttempt, takeHint } from "./answers";
import { loadAttempt } from "./attempt-access";
import { createScenarioExercise } from "./create-exercise";
import { refId } from "./exercise-key";
import { readExerciseKey } from "./exercise-keys";
import { gradeBrief, submitAttempt } from "./submit-attempt";

describeEachDatabase("a scenario exercise with a variant per trainee", (kind) => {
  const t = useTestDatabase(kind);

  it("gives each trainee their own stripped workspace, and scores an attempt as the key says", async () => {
    const instructor = await newAccount(t.db, { name: "Instructor" });
    const ana = await newAccount(t.db, { name: "Ana Trainee" });
    const ben = await newAccount(t.db, { name: "Ben Trainee" });
    await expect(createScenarioExercise(instructor.ctx, { title: "x", trainees: ["nobody@example.test"], noise: 0 })).rejects.toThrow(
      /no account for nobody@example.test/,
    );
    const { exerciseId, attempts } = await createScenarioExercise(instructor.ctx, {
      title: "Storm-0558 drill",
      trainees: [ana.email, ben.email],
      noise: 200,
      timeLimitMinutes: 120,
    });
    const [a, b] = attempts;
    if (!a || !b) throw new Error("two attempts expected");
    expect(a.variant).not.toBe(b.variant);
    const keyA = await readExerciseKey(t.db.sql, exerciseId, a.variant);
    const keyB = await readExerciseKey(t.db.sql, exerciseId, b.variant);
    const windowA = keyA.window as NonNullable<typeof keyA.window>;
    const hypothesisA = keyA.hypothesis as NonNullable<typeof keyA.hypothesis>;
    expect(keyA.exact.kid?.accepted).not.toEqual(keyB.exact.kid?.accepted);
    // Each variant moved in time by its own whole weeks.
    const week = 7 * 86_400_000;
    expect(Date.parse(windowA.start) - Date.parse(String(keyB.window?.start))).toBe((keyA.shiftWeeks - keyB.shiftWeeks) * week);

    // Each workspace holds its own variant's values, and nothing that answers a task.
    const count = async (sql: string, params: unknown[]) => (await t.db.sql.query<{ n: number }>(sql, params))[0]?.n;
    const holds = (incidentId: string, value: string) =>
      count("SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND raw::text ILIKE '%' || $2 || '%'", [incidentId, value]);
    const appA = keyA.exact.app?.accepted[0] as string;
    const appB = keyB.exact.app?.accepted[0] as string;
    expect(await holds(a.workspaceId, appA)).toBeGreaterThan(0);
    expect(await holds(a.workspaceId, appB)).toBe(0);
    expect(await holds(b.workspaceId, appB)).toBeGreaterThan(0);
    for (const table of ["rule_matches rm JOIN events e ON e.id = rm.event_id", "chain_steps e", "hypotheses e", "gaps e"]) {
      expect(await count(`SELECT count(*)::int AS n FROM ${table} WHERE e.incident_id = $1`, [a.workspaceId]), table).toBe(0);
    }
    expect(await count("SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND stage_id IS NOT NULL", [a.workspaceId])).toBe(0);

    // Before she starts, Ana cannot open her workspace (no work before the clock runs); once
    // started, she sees its evidence, not its chain or rules, and not Ben's workspace or attempt.
    expect(await can(ana.ctx, a.workspaceId, "evidence.view")).toBe(false);
    await expect(answerTask(ana.ctx, a.attemptId, "kid", { value: "x" })).rejects.toThrow(/start the exercise first/);
    await startAttempt(ana.ctx, a.attemptId);
    expect(await authorize(ana.ctx, a.workspaceId, "evidence.view")).toBe("trainee");
    expect(await can(ana.ctx, a.workspaceId, "chain.view")).toBe(false);
    expect(await can(ana.ctx, a.workspaceId, "rules.view")).toBe(false);
    expect(await can(ana.ctx, a.workspaceId, "evidence.edit")).toBe(false);
    expect(await can(ana.ctx, b.workspaceId, "evidence.view")).toBe(false);
    await expect(loadAttempt(ana.ctx, b.attemptId)).rejects.toBeInstanceOf(NotFoundError);

    // Ana's work: every key event tagged but two, one event tagged that evidences nothing, the
    // chain with two stages swapped, the window exactly, one gap of three, the right hypothesis
    // with the wrong confidence, a wrong then a right key id, one hint on the app id.
    const events = await t.db.sql.query<{ ref: string; id: string }>(
      "SELECT s.name || ':' || e.line_number AS ref, e.id::text AS id FROM events e JOIN sources s ON s.id = e.source_id WHERE e.incident_id = $1",
      [a.workspaceId],
    );
    const idOf = new Map(events.map((e) => [e.ref, e.id]));
    const tagged = keyA.stageTags.slice(2);
    for (const stage of new Set(tagged.map((x) => x.stage))) {
      const ids = tagged.filter((x) => x.stage === stage).map((x) => idOf.get(refId(x)) as string);
      expect(ids.every(Boolean)).toBe(true);
      await setEventStage(ana.ctx, a.workspaceId, { eventIds: ids, stageKey: stage });
    }
    const keyRefs = new Set(keyA.stageTags.map(refId));
    const noise = events.find((e) => !keyRefs.has(e.ref)) as { id: string };
    await setEventStage(ana.ctx, a.workspaceId, { eventIds: [noise.id], stageKey: "detection" });

    const order = keyA.chainOrder.map((c) => c.stage);
    [order[0], order[1]] = [order[1] as string, order[0] as string];
    await answerTask(ana.ctx, a.attemptId, "order", { order });
    await answerTask(ana.ctx, a.attemptId, "window", { start: windowA.start, end: windowA.end });
    const g = keyA.gaps[0] as { start: string; end: string };
    await answerTask(ana.ctx, a.attemptId, "gaps", { windows: [{ start: g.start, end: g.end }] });
    const wrongConfidence = hypothesisA.confidence === "confirmed" ? "likely" : "confirmed";
    await answerTask(ana.ctx, a.attemptId, "hypothesis", { choice: hypothesisA.leading, confidence: wrongConfidence });
    expect(await answerTask(ana.ctx, a.attemptId, "kid", { value: keyB.exact.kid?.accepted[0] })).toEqual({ correct: false, tries: 1 });
    expect(await answerTask(ana.ctx, a.attemptId, "kid", { value: ` ${keyA.exact.kid?.accepted[0]} ` })).toEqual({
      correct: true,
      tries: 2,
    });
    await expect(answerTask(ana.ctx, a.attemptId, "kid", { value: "again" })).rejects.toThrow(/already answered right/);
    expect((await takeHint(ana.ctx, a.attemptId, "app")).hint).toBe(keyA.hints.app?.[0]);
    await expect(takeHint(ana.ctx, a.attemptId, "app")).rejects.toThrow(/no more hints/);
    await answerTask(ana.ctx, a.attemptId, "app", { value: appA.toUpperCase() });
    await answerTask(ana.ctx, a.attemptId, "brief", { text: "Five lines." });
    await expect(answerTask(ana.ctx, a.attemptId, "window", { start: windowA.end, end: windowA.start })).rejects.toThrow(
      /ends before it starts/,
    );

    // The score the key gives, computed here from the formulas.
    const n = keyA.stageTags.length;
    const precision = (n - 2) / (n - 1);
    const recall = (n - 2) / n;
    const tagPoints = Math.round(((2 * precision * recall) / (precision + recall)) * 30 * 10) / 10;
    const steps = order.length;
    const pairs = (steps * (steps - 1)) / 2;
    // One discordant pair: Kendall tau = (concordant − discordant) / pairs.
    const orderPoints = Math.round(((pairs - 2) / pairs) * 15 * 10) / 10;
    const gapPoints = Math.round((1 / keyA.gaps.length) * 10 * 10) / 10;
    const expected = tagPoints + orderPoints + 15 + gapPoints + 7 + (5 - 1) + (5 - 1) + 0 + 0;

    // Tags changed after submission count for nothing.
    const result = await submitAttempt(ana.ctx, a.attemptId);
    await setEventStage(ana.ctx, a.workspaceId, { eventIds: [noise.id], stageKey: null });
    const byId = new Map(result.tasks.map((x) => [x.id, x]));
    expect(byId.get("tags")?.points).toBe(tagPoints);
    expect(byId.get("order")?.points).toBe(orderPoints);
    expect(byId.get("window")?.points).toBe(15);
    expect(byId.get("gaps")?.points).toBe(gapPoints);
    expect(byId.get("hypothesis")?.points).toBe(7);
    expect(byId.get("kid")?.points).toBe(4);
    expect(byId.get("app")?.points).toBe(4);
    expect(byId.get("address")?.points).toBe(0);
    expect(byId.get("brief")).toMatchObject({ points: 0, pending: true });
    expect(result.score).toBeCloseTo(expected, 5);
    expect(result.worth).toBe(100);

    // Feedback names the missed evidence, linked to the event in Ana's workspace.
    // Grouped by kind: the first two key events (the crash and its report, one stage) in one line.
    const missed = keyA.stageTags.slice(0, 2);
    expect(new Set(missed.map((m) => m.stage)).size).toBe(1);
    const missedLine = byId.get("tags")?.mistakes.find((x) => x.text.startsWith("Not tagged"));
    expect(missedLine?.text).toBe("Not tagged: 2 events that evidence Key material exposure.");
    expect(missedLine?.evidence.map((e) => e.eventId)).toEqual(missed.map((m) => idOf.get(refId(m))));
    expect(missedLine?.evidence[0]?.label).toContain(missed[0]?.summary);
    const wrongLine = byId.get("tags")?.mistakes.find((x) => x.evidence[0]?.eventId === noise.id);
    expect(wrongLine?.text).toBe("Tagged Detection on 1 event that evidences no step of the attack.");
    expect(byId.get("address")?.mistakes[0]?.text).toContain(keyA.exact.address?.accepted[0]);

    await expect(answerTask(ana.ctx, a.attemptId, "brief", { text: "later" })).rejects.toThrow(/has been submitted/);
    await expect(gradeBrief(ana.ctx, a.attemptId, { points: 5 })).rejects.toThrow(/only the instructor/);
    await expect(gradeBrief(instructor.ctx, a.attemptId, { points: 6 })).rejects.toThrow(/at most 5/);
    const graded = await gradeBrief(instructor.ctx, a.attemptId, { points: 4, comment: "No decision asked for." });
    expect(graded.score).toBeCloseTo(expected + 4, 5);
    expect(graded.tasks.find((x) => x.id === "tags")?.points).toBe(tagPoints);
    const stored = await t.db.sql.query<{ score: string }>("SELECT score::text FROM exercise_attempts WHERE id = $1", [a.attemptId]);
    expect(Number(stored[0]?.score)).toBeCloseTo(expected + 4, 1);

    // Ben runs out of time: answers are refused, submitting still works; two submissions at once
    // score once (the attempt's row is locked by every write).
    await startAttempt(ben.ctx, b.attemptId);
    await answerTask(ben.ctx, b.attemptId, "kid", { value: keyB.exact.kid?.accepted[0] });
    await t.db.sql.query("UPDATE exercise_attempts SET started_at = started_at - interval '3 hours' WHERE id = $1", [b.attemptId]);
    await expect(answerTask(ben.ctx, b.attemptId, "app", { value: "x" })).rejects.toThrow(/time limit has passed/);
    await expect(takeHint(ben.ctx, b.attemptId, "app")).rejects.toThrow(/time limit has passed/);
    const both = await Promise.allSettled([submitAttempt(ben.ctx, b.attemptId), submitAttempt(ben.ctx, b.attemptId)]);
    expect(both.map((x) => x.status).sort()).toEqual(["fulfilled", "rejected"]);
    const audits = await t.db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'exercise.submit' AND entity_id = $1",
      [b.attemptId],
    );
    expect(audits[0]?.n).toBe(1);
  }, 300_000);
});
