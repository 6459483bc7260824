import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { buildChain } from "@/lib/chain/build-chain";
import { backwardArrows, chainStages } from "@/lib/chain/chain-checks";
import { getLocalContext } from "@/lib/context/get-local-context";
import { getChain } from "@/lib/queries/get-chain";
import { applyPublicAssessments } from "@/lib/scenarios/apply-public-assessments";
import { loadScenario } from "@/lib/scenarios/load-scenario";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { ACTOR_APP } from "@/scenarios/storm-0558/cast";
import { KEY_2016 } from "@/scenarios/storm-0558/facts";
import type { AnswerKey } from "@/scenarios/storm-0558/generate";

type Tagged = { file: string; line: number; stage: string | null };

describeEachDatabase("the Storm-0558 chain built by the default rules", (kind) => {
  const t = useTestDatabase(kind);

  it("tags the answer-key events, builds every step or infers it, and replays the public record's confidence", async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-chain-")), "s");
    const ctx = await getLocalContext(t.db);
    const { incidentId } = await loadScenario(ctx, { dir, publicAssessments: false });
    const key = JSON.parse(readFileSync(path.join(dir, "answer-key.json"), "utf8")) as AnswerKey;

    // Stage tags: every tagged event is judged, background included, so noise tagged counts against precision.
    const tagged = await t.db.sql.query<Tagged>(
      `SELECT s.name AS file, e.line_number AS line, st.key AS stage FROM events e
       JOIN sources s ON s.id = e.source_id JOIN stages st ON st.id = e.stage_id WHERE e.incident_id = $1`,
      [incidentId],
    );
    const truth = new Map(key.events.map((e) => [`${e.file}:${e.line}`, e.stage as string]));
    const correct = tagged.filter((x) => truth.get(`${x.file}:${x.line}`) === x.stage).length;
    const precision = correct / tagged.length;
    const recall = correct / key.events.length;
    console.log(
      `stage tags on the Storm-0558 scenario [${kind}]: precision ${precision.toFixed(3)} (${correct}/${tagged.length}), recall ${recall.toFixed(3)} (${correct}/${key.events.length})`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);

    // The chain, with no hand edits: every answer-key step found, evidenced or inferred as the key says.
    const chain = await getChain(ctx, incidentId);
    if (!chain) throw new Error("no chain");
    const eventRef = new Map(key.events.map((e) => [`${e.file}:${e.line}`, e.ref]));
    for (const expected of key.chain) {
      const step = chain.steps.find((s) => s.stageKey === expected.stage);
      expect(step, expected.stage).toBeDefined();
      if (!step) continue;
      expect({ stage: step.stageKey, inferred: step.inferred, confidence: step.confidence.label }).toEqual({
        stage: expected.stage,
        inferred: expected.inferred,
        confidence: expected.confidence.label,
      });
      const linked = await t.db.sql.query<{ file: string; line: number }>(
        `SELECT s.name AS file, e.line_number AS line FROM chain_step_events ce JOIN events e ON e.id = ce.event_id
         JOIN sources s ON s.id = e.source_id WHERE ce.step_id = $1`,
        [step.id],
      );
      const refs = new Set(linked.map((l) => eventRef.get(`${l.file}:${l.line}`)));
      const found = expected.evidence.filter((r) => refs.has(r)).length;
      expect(found / expected.evidence.length, `${expected.stage} evidence`).toBeGreaterThanOrEqual(0.95);
    }
    expect(chain.steps).toHaveLength(key.chain.length);

    // One chain, tied by the engineer account, the dump file, the debugging host and the key id;
    // the key theft joined to the forged tokens by inference only; no arrow backwards in time.
    expect(chainStages(chain)).toEqual([key.chain.map((c) => c.stage)]);
    expect(chain.chains.filter((c) => c.kind === "findings")).toEqual([]);
    expect(backwardArrows(chain)).toEqual([]);
    const links = chain.chains[0]?.links ?? [];
    const tie = (from: string, to: string) => {
      const f = chain.steps.find((s) => s.stageKey === from)?.id;
      const t2 = chain.steps.find((s) => s.stageKey === to)?.id;
      return links.find((l) => l.fromStepId === f && l.toStepId === t2);
    };
    expect(tie("account-compromise", "key-acquisition")?.ties).toContainEqual({ kind: "account", value: "alindqvist@corp" });
    expect(tie("transfer-out", "key-acquisition")?.ties.map((x) => x.kind)).toEqual(expect.arrayContaining(["host", "file"]));
    expect(tie("transfer-out", "detection-failure")?.ties.map((x) => x.value)).toEqual([expect.stringMatching(/memory\.hdmp$/)]);
    expect(tie("key-acquisition", "token-forgery")).toMatchObject({ kind: "inferred", ties: [] });
    expect(tie("token-forgery", "response")?.ties).toContainEqual({ kind: "key", value: KEY_2016.kid });

    // The key theft: inferred between the dump's arrival and the first forged token, tied to the retention gap.
    const acquisition = chain.steps.find((s) => s.stageKey === "key-acquisition");
    const c5 = key.chain.find((c) => c.stage === "key-acquisition");
    expect(acquisition?.timePrecision).toBe("unknown");
    expect(acquisition?.startAt).toBe(new Date(c5?.when.start ?? "").toISOString());
    expect(acquisition?.endAt).toBe(new Date(c5?.when.end ?? "").toISOString());
    expect(acquisition?.gaps.some((g) => g.reason === "retention" && g.scope === "debug-share-security.jsonl")).toBe(true);
    expect(acquisition?.rationale).toMatch(/No event shows this step directly/);

    // Each step names who and what its evidence involves: the actor's app reads the mail, the 2016 key signs the tokens.
    const named = (stage: string, kind: string) =>
      chain.steps
        .find((s) => s.stageKey === stage)
        ?.entities.filter((e) => e.kind === kind)
        .map((e) => e.value.toLowerCase()) ?? [];
    expect(named("mailbox-access", "app")).toContain(ACTOR_APP.appId.toLowerCase());
    expect(named("token-forgery", "key")).toContain(KEY_2016.kid.toLowerCase());
    expect(chain.steps.find((s) => s.stageKey === "mailbox-access")?.entities.every((e) => e.events > 0 && e.ofKind >= 1)).toBe(true);

    // The public record, entered as dated assessments: the chain as believed on two dates differs.
    await applyPublicAssessments(ctx, incidentId);
    const october2023 = await getChain(ctx, incidentId, new Date("2023-10-01T23:59:59Z"));
    const march2024 = await getChain(ctx, incidentId, new Date("2024-03-31T23:59:59Z"));
    const april2024 = await getChain(ctx, incidentId, new Date("2024-04-02T23:59:59Z"));
    const at = (c: typeof chain | null) => c?.steps.find((s) => s.stageKey === "key-acquisition")?.confidence;
    expect(at(october2023)).toMatchObject({ label: "likely", score: 70, origin: "analyst" });
    // Attributed to their publishers, not to whoever loaded the scenario; the CSRB only once it was released.
    expect(at(october2023)).toMatchObject({ by: "MSRC" });
    expect(at(march2024)).toMatchObject({ label: "possible", score: 35, by: "MSRC" });
    expect(at(march2024)?.citation).not.toMatch(/CSRB/);
    expect(at(april2024)).toMatchObject({ label: "possible", score: 35, origin: "analyst", by: "CSRB", enteredBy: ctx.actor.name });
    expect(at(april2024)?.citation).toMatch(/CSRB/);
    // Assessed steps are the analyst's now; a rebuild keeps their arrows and the chain's ids.
    await buildChain(ctx, incidentId);
    const rebuilt = await getChain(ctx, incidentId);
    expect(rebuilt?.chains.map((c) => [c.id, c.links.length])).toEqual(chain.chains.map((c) => [c.id, c.links.length]));
    const now = await getChain(ctx, incidentId);
    expect(now?.steps.find((s) => s.stageKey === "key-acquisition")?.hypotheses).toHaveLength(7);
    // A second application adds nothing.
    expect(await applyPublicAssessments(ctx, incidentId)).toEqual({ hypotheses: 0, confidenceChanges: 0 });
  });
});
