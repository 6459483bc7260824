import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";
import { saveBriefAssessment } from "@/lib/brief/brief-assessment";
import { annotateEvents } from "@/lib/chain/actions/annotate-events";
import type { Ctx } from "@/lib/context/ctx";
import { getLocalContext } from "@/lib/context/get-local-context";
import { ensureDemoStory } from "@/lib/demo/ensure-demo-story";
import { importFile } from "@/lib/ingest/import-file";
import { loadScenario } from "@/lib/scenarios/load-scenario";
import { addActionItem } from "@/lib/stories/action-items";
import { citeInStory } from "@/lib/stories/cite";
import { incidentWithRoles, newAccount } from "@/lib/testing/accounts";
import { caseSnapshot } from "@/lib/testing/case-snapshot";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { readCaseFileLines } from "./case-file-lines";
import { caseFileChunks } from "./export-case";
import { importCaseFile } from "./import-case";

async function exportText(ctx: Ctx, incidentId: string): Promise<string> {
  let text = "";
  for await (const chunk of caseFileChunks(ctx, incidentId)) text += chunk;
  return text;
}

async function* bytes(buf: Uint8Array, size = 65_536) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const SIGN_INS = path.resolve(import.meta.dirname, "../../../../shared/samples/entra/sign-in_adelete.csv");

const importText = (ctx: Ctx, text: string, fileName = "case.jsonl") =>
  importCaseFile(ctx, readCaseFileLines(bytes(Buffer.from(text, "utf8"))), { fileName });

describeEachDatabase("the case file", (kind) => {
  const t = useTestDatabase(kind);

  it("round-trips the whole Storm-0558 incident into a new one: same events, chain, gaps, hypotheses, stories, notes and trail", async () => {
    const ctx = await getLocalContext(t.db);
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-case-")), "s");
    const { incidentId } = await loadScenario(ctx, { dir, noise: 200 });
    // What analysts add by hand: a drafted post-mortem citing events and steps, notes on events, an action item, a brief.
    const { storyId } = await ensureDemoStory(ctx, incidentId);
    const [e1, e2] = await t.db.sql.query<{ id: string }>(
      "SELECT id::text FROM events WHERE incident_id = $1 AND stage_id IS NOT NULL ORDER BY id LIMIT 2",
      [incidentId],
    );
    await annotateEvents(ctx, incidentId, { action: "comment", eventIds: [String(e1?.id)], value: '=HYPERLINK("x") <b>not html</b>' });
    await annotateEvents(ctx, incidentId, { action: "star", eventIds: [String(e2?.id)] });
    // An event cited by number: its citation must follow the event into the new incident.
    await citeInStory(ctx, storyId, { kind: "event", ref: String(e1?.id), insert: true });
    const [entity] = await t.db.sql.query<{ id: string }>("SELECT id FROM entities WHERE incident_id = $1 ORDER BY kind, value LIMIT 1", [
      incidentId,
    ]);
    await citeInStory(ctx, storyId, { kind: "entity", ref: String(entity?.id), insert: true });
    await addActionItem(ctx, incidentId, {
      title: "Scan crash dumps for key material",
      kind: "prevent",
      owner: "MSRC",
      dueOn: "2024-03-01",
      storyId,
    });
    await saveBriefAssessment(ctx, incidentId, {
      priority: "severe",
      summary: "Forged tokens read mailboxes.",
      decisions: [{ text: "Notify customers", owner: "CISO" }],
    });

    const text = await exportText(ctx, incidentId);
    const lines = text.trimEnd().split("\n");
    expect(JSON.parse(lines[0] as string)).toMatchObject({ kind: "chainline-case-file", version: 1 });
    const end = JSON.parse(lines.at(-1) as string);
    expect(end.kind).toBe("end");
    expect(end.counts.events).toBeGreaterThan(400);
    expect(end.counts.story_citations).toBeGreaterThan(5);
    // Every source keeps its file's SHA-256.
    const sources = lines.map((l) => JSON.parse(l)).filter((l) => l.table === "sources");
    expect(sources.length).toBe(end.counts.sources);
    for (const s of sources) expect(s.row.sha256).toMatch(/^[0-9a-f]{64}$/);

    const before = await caseSnapshot(t.db.sql, incidentId);
    // Gzipped, as the CLI and the download write it.
    // Imported by the instance admin, whose import keeps authorship (people matched by e-mail).
    const admin = await newAccount(t.db, { isAdmin: true, name: "Instance admin" });
    const result = await importCaseFile(admin.ctx, readCaseFileLines(bytes(gzipSync(Buffer.from(text)))), { fileName: "storm.jsonl.gz" });
    expect(result.incidentId).not.toBe(incidentId);
    expect(result.title).toMatch(/\(imported \d{4}-\d{2}-\d{2}\)$/);
    const after = await caseSnapshot(t.db.sql, result.incidentId);

    expect(after.events).toEqual(before.events);
    expect(after.steps).toEqual(before.steps);
    expect(after.links).toEqual(before.links);
    expect(after.gaps).toEqual(before.gaps);
    expect(after.hypotheses).toEqual(before.hypotheses);
    expect(after.stories).toEqual(before.stories);
    expect(after.sources).toEqual(before.sources);
    expect(after.annotations).toEqual(before.annotations);
    expect(after.actionItems).toEqual(before.actionItems);
    expect(after.briefs).toEqual(before.briefs);
    // The trail as it was, and one more entry: the import itself.
    const audit = after.audit as { action: string }[];
    expect(audit.filter((a) => a.action !== "incident.import-case-file")).toEqual(before.audit);
    expect(audit.filter((a) => a.action === "incident.import-case-file")).toHaveLength(1);
    // The imported entries name their people; they do not speak for accounts here.
    const trail = await t.db.sql.query<{ actor_id: string | null; actor_label: string }>(
      "SELECT actor_id, actor_label FROM audit_entries WHERE incident_id = $1 AND action <> 'incident.import-case-file'",
      [result.incidentId],
    );
    expect(trail.length).toBeGreaterThan(10);
    for (const a of trail) expect(a).toMatchObject({ actor_id: null, actor_label: expect.stringMatching(/ \(case file\)$/) });
    expect(trail.map((a) => a.actor_label)).toContain(`${ctx.actor.name} <${ctx.actor.email}> (case file)`);
    // The admin's import keeps authorship by e-mail.
    expect(result.peopleMatched).toBe(true);
    // Spot checks that the snapshot compares something: the chain and the story did come across.
    expect((after.steps as unknown[]).length).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(after.stories)).toContain("Storm-0558: post-mortem");
    // The importer owns the new incident; the hourly counts the timeline reads are rebuilt.
    const [own] = await t.db.sql.query<{ role: string }>("SELECT role::text FROM memberships WHERE incident_id = $1 AND user_id = $2", [
      result.incidentId,
      admin.ctx.actor.userId,
    ]);
    expect(own?.role).toBe("owner");
    const [hourly] = await t.db.sql.query<{ n: number }>("SELECT coalesce(sum(n), 0)::int AS n FROM event_hourly WHERE incident_id = $1", [
      result.incidentId,
    ]);
    expect(hourly?.n).toBe(end.counts.events);
  }, 240_000);

  it("refuses a file cut short, altered, out of order or pointing at rows it lacks, naming the line, and keeps nothing of it", async () => {
    const ctx = await getLocalContext(t.db);
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-case-")), "s");
    const { incidentId } = await loadScenario(ctx, { dir, noise: 50, publicAssessments: false });
    const lines = (await exportText(ctx, incidentId)).trimEnd().split("\n");
    const count = async () => (await t.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM incidents"))[0]?.n;
    const users = async () => (await t.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM users"))[0]?.n;
    const incidents = await count();
    const people = await users();
    const eventLine = lines.findIndex((l) => l.includes('"table":"events"'));

    await expect(importText(ctx, `${lines.slice(0, -1).join("\n")}\n`, "cut.jsonl")).rejects.toThrow(
      new RegExp(`^cut\\.jsonl: line ${lines.length - 1}: the file ends without its closing line`),
    );
    const altered = [...lines];
    const event = JSON.parse(altered[eventLine] as string);
    event.row.message = `${event.row.message} (edited)`;
    altered[eventLine] = JSON.stringify(event);
    await expect(importText(ctx, altered.join("\n"), "altered.jsonl")).rejects.toThrow(
      /altered\.jsonl: line \d+: .*SHA-256 does not match/,
    );
    const swapped = [...lines];
    const sourceLine = lines.findIndex((l) => l.includes('"table":"sources"'));
    [swapped[sourceLine], swapped[eventLine]] = [swapped[eventLine] as string, swapped[sourceLine] as string];
    await expect(importText(ctx, swapped.join("\n"), "order.jsonl")).rejects.toThrow(
      /order\.jsonl: line \d+: sources rows after events rows: the file is out of order/,
    );
    const noSources = lines.filter((l) => !l.includes('"table":"sources"'));
    await expect(importText(ctx, noSources.join("\n"), "orphans.jsonl")).rejects.toThrow(
      /orphans\.jsonl: line \d+: events\.source_id refers to [0-9a-f-]+, which the file does not hold/,
    );
    const noEvents = lines.filter((l) => !l.includes('"table":"events"'));
    await expect(importText(ctx, noEvents.join("\n"), "lost.jsonl")).rejects.toThrow(
      /lost\.jsonl: line \d+: .*refer to events or entities the file does not hold/,
    );
    await expect(importText(ctx, '{"kind":"something else"}\n', "other.json")).rejects.toThrow(
      /other\.json: line 1: not a Chainline case file/,
    );
    // A gzip stream cut mid-way fails the read (it must not hang the transaction).
    const gz = gzipSync(Buffer.from(lines.join("\n")));
    await expect(
      importCaseFile(ctx, readCaseFileLines(bytes(gz.subarray(0, Math.floor(gz.length / 2)))), { fileName: "half.jsonl.gz" }),
    ).rejects.toThrow(/^half\.jsonl\.gz: not a whole gzip file/);
    // What a person could not enter, a file cannot bring: a figure that is not only shapes and text.
    const storyAt = lines.findIndex((l) => l.includes('"table":"story_versions"'));
    const storyId = JSON.parse(lines.find((l) => l.includes('"table":"stories"')) as string).row.id;
    const figure = JSON.stringify({
      kind: "row",
      table: "story_citations",
      row: {
        id: "0b5c4e1a-3f0e-4c55-9a38-5f1a4f5c2d11",
        story_id: storyId,
        kind: "figure",
        ref: "lanes=stage",
        frozen: { svg: "<svg><script>alert(1)</script></svg>" },
      },
    });
    const hostile = [...lines.slice(0, storyAt), figure, ...lines.slice(storyAt)];
    await expect(importText(ctx, hostile.join("\n"), "figure.jsonl")).rejects.toThrow(
      new RegExp(`^figure\\.jsonl: line ${storyAt + 1}: story_citations: `),
    );
    // Nothing of any refused file was kept: no incident, and no person added for it.
    expect(await count()).toBe(incidents);
    expect(await users()).toBe(people);
  }, 240_000);

  it("makes every person of the file the importer when the importer is not the admin: no one is credited or added by a file", async () => {
    const { incidentId, owner } = await incidentWithRoles(t.db, []);
    await importFile(owner.ctx, { incidentId, filePath: SIGN_INS });
    const text = await exportText(owner.ctx, incidentId);
    const people = async () => (await t.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM users"))[0]?.n;
    const before = await people();
    const result = await importText(owner.ctx, text, "analyst.jsonl");
    expect(result.peopleMatched).toBe(false);
    expect(result.addedPeople).toEqual([]);
    expect(await people()).toBe(before);
    const [src] = await t.db.sql.query<{ imported_by_id: string }>("SELECT imported_by_id FROM sources WHERE incident_id = $1", [
      result.incidentId,
    ]);
    expect(src?.imported_by_id).toBe(owner.ctx.actor.userId);
    const [events] = await t.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE incident_id = $1", [
      result.incidentId,
    ]);
    expect(events?.n).toBeGreaterThan(0);
  }, 120_000);
});
