import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { NotFoundError } from "@/lib/errors/not-found";
import { getChain } from "@/lib/queries/get-chain";
import { newAccount } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { createScenarioTabletop } from "@/lib/training/create-tabletop";
import type { AnswerKey } from "@/scenarios/storm-0558/answer-key-types";
import { ANSWER_KEY_FILE, generateScenario } from "@/scenarios/storm-0558/generate";
import { getReplay, listReplaySessions } from "./get-replay";
import { moveClock, recordDecision } from "./replay-session";

describeEachDatabase("a tabletop replay of a scenario variant", (kind) => {
  const t = useTestDatabase(kind);

  it("shows the token-forgery step only once the clock passes its shifted date, with the prompts due and the decisions made", async () => {
    const facilitator = await newAccount(t.db, { name: "Facilitator" });
    const { incidentId, sessionId, shiftWeeks } = await createScenarioTabletop(facilitator.ctx, { title: "Tabletop", noise: 150 });
    expect(shiftWeeks).toBeGreaterThanOrEqual(1);

    // The variant's first forged token is the scenario's, moved by the variant's weeks.
    const base = mkdtempSync(path.join(os.tmpdir(), "storm-base-"));
    await generateScenario({ outDir: base, seed: 558, noise: 150 });
    const key = JSON.parse(readFileSync(path.join(base, ANSWER_KEY_FILE), "utf8")) as AnswerKey;
    const baseForgery = key.chain.find((s) => s.stage === "token-forgery")?.when.start as string;
    const chainNow = await getChain(facilitator.ctx, incidentId);
    const forgery = chainNow?.steps.find((s) => s.stageKey === "token-forgery");
    expect(Date.parse(forgery?.startAt as string)).toBe(Date.parse(baseForgery) + shiftWeeks * 7 * 86_400_000);
    const forgeryAt = Date.parse(forgery?.startAt as string);

    // At the start: before the first event, nothing seen, no step, no prompt.
    const start = await getReplay(facilitator.ctx, incidentId, sessionId);
    expect(Date.parse(start.clock)).toBeLessThan(Date.parse(start.firstEventAt as string));
    expect(start.eventsSoFar).toBe(0);
    expect(start.chain?.steps).toEqual([]);
    expect(start.injects).toEqual([]);
    expect(start.nextInjectAt).not.toBeNull();

    // A second before the first forged token: earlier steps are there, token forgery is not.
    await moveClock(facilitator.ctx, incidentId, sessionId, { to: new Date(forgeryAt - 1000).toISOString() });
    const before = await getReplay(facilitator.ctx, incidentId, sessionId);
    const stagesBefore = before.chain?.steps.map((s) => s.stageKey) ?? [];
    expect(stagesBefore).toContain("account-compromise");
    expect(stagesBefore).not.toContain("token-forgery");
    expect(before.latest?.every((e) => Date.parse(e.occurredAt) <= forgeryAt - 1000)).toBe(true);
    const [{ n }] = (await t.db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND occurred_at <= $2",
      [incidentId, new Date(forgeryAt - 1000)],
    )) as [{ n: number }];
    expect(before.eventsSoFar).toBe(n);

    // The next prompt is the forgery's: stepping to it shows the step and the prompt.
    await moveClock(facilitator.ctx, incidentId, sessionId, { step: "next-inject" });
    const after = await getReplay(facilitator.ctx, incidentId, sessionId);
    expect(Date.parse(after.clock)).toBe(forgeryAt);
    expect(after.chain?.steps.map((s) => s.stageKey)).toContain("token-forgery");
    // Due now: the forgery's prompt, and the inferred key theft's (first forged token is what implies it).
    const dueNow = after.injects.filter((i) => i.at === after.clock).map((i) => i.text);
    expect(dueNow).toHaveLength(2);
    expect(dueNow.some((x) => /consumer key are being accepted/.test(x))).toBe(true);
    expect(dueNow.some((x) => /Nothing in the logs shows the key leaving/.test(x))).toBe(true);
    expect(after.injects.length).toBe(before.injects.length + 2);

    await recordDecision(facilitator.ctx, incidentId, sessionId, { text: "Block the consumer key for enterprise tokens; call the CISO." });
    const decided = await getReplay(facilitator.ctx, incidentId, sessionId);
    expect(decided.decisions).toEqual([
      expect.objectContaining({
        clock: after.clock,
        text: "Block the consumer key for enterprise tokens; call the CISO.",
        by: "Facilitator",
      }),
    ]);
    expect((await listReplaySessions(facilitator.ctx, incidentId))[0]).toMatchObject({ id: sessionId, decisions: 1 });

    // A viewer watches but does not drive; anyone else finds nothing.
    const viewer = await newAccount(t.db, { name: "Viewer" });
    await t.db.prisma.membership.create({ data: { userId: viewer.ctx.actor.userId, incidentId, role: "viewer" } });
    expect((await getReplay(viewer.ctx, incidentId, sessionId)).clock).toBe(after.clock);
    await expect(moveClock(viewer.ctx, incidentId, sessionId, { step: "day" })).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await newAccount(t.db);
    await expect(getReplay(outsider.ctx, incidentId, sessionId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReplay(facilitator.ctx, incidentId, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  }, 300_000);
});
