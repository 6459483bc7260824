import path from "node:path";
import { expect, it } from "vitest";
import { createIncident } from "@/lib/actions/create-incident";
import { getLocalContext } from "@/lib/context/get-local-context";
import { importFile } from "@/lib/ingest/import-file";
import { getChain } from "@/lib/queries/get-chain";
import { listHypotheses } from "@/lib/queries/list-hypotheses";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { createHypothesis, updateHypothesis } from "./actions/hypotheses";
import { setEventStage } from "./actions/set-event-stage";
import { updateChainStep } from "./actions/update-chain-step";
import { analyzeIncident } from "./analyze-incident";
import { buildChain } from "./build-chain";
import { runRules } from "./rules/run-rules";

const LSASS = path.resolve(import.meta.dirname, "../../../shared/samples/windows/lsass_dump_comsvcs.jsonl");

describeEachDatabase("editing the chain", (kind) => {
  const t = useTestDatabase(kind);

  it("infers an unseen first step, keeps hand tags and analyst edits over the rules, and keeps confidence history", async () => {
    const ctx = await getLocalContext(t.db);
    const { id: incidentId } = await createIncident(ctx, { title: "LSASS", stageSet: "generic" });
    await importFile(ctx, { incidentId, filePath: LSASS });
    await analyzeIncident(ctx, incidentId);

    let chain = await getChain(ctx, incidentId);
    const credential = chain?.steps.find((s) => s.stageKey === "credential-access");
    expect(credential).toMatchObject({ inferred: false, confidence: { label: "confirmed", origin: "rules" } });
    // Nothing shows how the intruder got in, but what they did implies they did, before the first of it (the log clearing).
    const initial = chain?.steps.find((s) => s.stageKey === "initial-access");
    const cleared = chain?.steps.find((s) => s.stageKey === "defense-evasion");
    expect(cleared?.startAt && credential?.startAt && cleared.startAt < credential.startAt).toBe(true);
    expect(initial).toMatchObject({ inferred: true, startAt: null, endAt: cleared?.startAt, timePrecision: "unknown" });
    // One chain on the one host, in the order it happened, each arrow forward in time.
    expect(chain?.chains.map((c) => c.kind)).toEqual(["chain"]);
    expect(chain?.steps.map((s) => s.stageKey)).toEqual(["initial-access", "defense-evasion", "credential-access"]);
    expect(initial?.rationale).toMatch(/No event shows how the intruder first got in/);

    // A hand tag wins over the rules, survives a rerun, and clearing it gives the event back to them.
    const [ev] = await t.db.sql.query<{ id: number }>(
      "SELECT id FROM events WHERE incident_id = $1 AND technique = 'T1003.001' ORDER BY occurred_at LIMIT 1",
      [incidentId],
    );
    await setEventStage(ctx, incidentId, { eventIds: [String(ev?.id)], stageKey: "execution", technique: "T1218.011" });
    await runRules(ctx, incidentId);
    const stageOf = async () =>
      (
        await t.db.sql.query<{ key: string; set_by: string; technique: string }>(
          "SELECT st.key, e.stage_set_by AS set_by, e.technique FROM events e JOIN stages st ON st.id = e.stage_id WHERE e.id = $1",
          [ev?.id],
        )
      )[0];
    expect(await stageOf()).toEqual({ key: "execution", set_by: "hand", technique: "T1218.011" });
    await setEventStage(ctx, incidentId, { eventIds: [String(ev?.id)], stageKey: null });
    await runRules(ctx, incidentId);
    expect(await stageOf()).toMatchObject({ key: "credential-access", set_by: "rule:generic.lsass-dump" });

    // An analyst's backdated assessment: history keeps both, as-of shows each in its time.
    const stepId = credential?.id ?? "";
    await updateChainStep(ctx, stepId, {
      title: "rundll32 comsvcs MiniDump of LSASS",
      confidence: "likely",
      confidenceScore: 75,
      reason: "the dump file was never recovered",
      effectiveAt: new Date("2020-10-20T00:00:00Z"),
      citation: "IR ticket 42",
    });
    await expect(updateChainStep(ctx, stepId, { confidence: "possible" })).rejects.toThrow(/reason/);
    chain = await getChain(ctx, incidentId);
    const edited = chain?.steps.find((s) => s.id === stepId);
    expect(edited).toMatchObject({
      origin: "analyst",
      title: "rundll32 comsvcs MiniDump of LSASS",
      confidence: { label: "likely", score: 75, citation: "IR ticket 42" },
    });
    expect(edited?.history.map((h) => `${h.origin}:${h.label}`)).toEqual(["analyst:likely", "rules:confirmed"]);
    const before = await getChain(ctx, incidentId, new Date("2020-10-19T00:00:00Z"));
    expect(before?.steps.find((s) => s.id === stepId)?.confidence).toMatchObject({ label: "confirmed", origin: "rules" });

    // Rebuilding leaves the analyst's step as it is and adds no second step for its stage.
    await buildChain(ctx, incidentId);
    chain = await getChain(ctx, incidentId);
    expect(chain?.steps.filter((s) => s.stageKey === "credential-access")).toHaveLength(1);
    expect(chain?.steps.find((s) => s.id === stepId)?.title).toBe("rundll32 comsvcs MiniDump of LSASS");

    // Competing hypotheses with evidence for and against.
    const h = await createHypothesis(ctx, incidentId, { title: "Local admin ran the dump", stepIds: [stepId] });
    await updateHypothesis(ctx, h.id, {
      status: "leading",
      evidence: [{ eventId: String(ev?.id), stance: "supports", note: "parent is an admin shell" }],
    });
    const hs = await listHypotheses(ctx, incidentId);
    expect(hs).toEqual([
      expect.objectContaining({
        title: "Local admin ran the dump",
        status: "leading",
        steps: [{ id: stepId, stageKey: "credential-access" }],
      }),
    ]);
    expect(hs[0]?.evidence).toEqual([{ eventId: String(ev?.id), stance: "supports", note: "parent is an admin shell" }]);

    // Every change is audited with who did it.
    const audit = await t.db.sql.query<{ action: string }>("SELECT action FROM audit_entries WHERE incident_id = $1 AND actor_id = $2", [
      incidentId,
      ctx.actor.userId,
    ]);
    const actions = new Set(audit.map((a) => a.action));
    for (const a of [
      "rules.run",
      "chain.build",
      "gaps.detect",
      "event.set-stage",
      "chain-step.update",
      "hypothesis.create",
      "hypothesis.update",
    ]) {
      expect(actions, a).toContain(a);
    }
  });
});
