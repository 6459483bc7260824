import { describe, expect, it } from "vitest";
import { issuesOf, newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { importFile } from "./import-file";
import { previewFile } from "./preview-file";

// Rejected lines are stored (import_issues) and shown (source page, upload preview): a secret in
// a line the importer could not read must be masked there as it is in events.
const jsonlLines = [
  '{"time":"2024-03-07T10:00:00Z","message":"ok"}',
  // Broken JSON: JSON.parse's message quotes the line, so the reason could leak it too.
  '{"time":"2024-03-07T10:01:00Z","message": https://admin:LeakedPw111@files.example.test/}',
  '{"message":"no time here password=LeakedPw222"}',
  '{"time":"not a time","message":"fetch https://svc:LeakedPw333@files.example.test/x"}',
];
const csvText = [
  "time;user;message",
  "2024-03-07T10:00:00Z;alice;ok",
  '2024-03-07T10:01:00Z;bob;"https://a:LeakedPw444@h.example.test/";extra;cells',
].join("\n");

describeEachDatabase("rejected lines are redacted like events", (kind) => {
  const t = useTestDatabase(kind);

  it("masks secrets in the stored reason and raw line, and keeps them when redaction is off", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("rejects.jsonl", jsonlLines.join("\n")) });
    expect(s).toMatchObject({ read: 4, imported: 1, rejected: 3 });
    const issues = await issuesOf(t.db, s.sourceId);
    expect(issues.map((i) => i.line_number)).toEqual([2, 3, 4]);
    const stored = issues.map((i) => `${i.reason} ${i.raw_line}`).join("\n");
    expect(stored).not.toMatch(/LeakedPw/);
    expect(stored).toContain("[REDACTED:");
    // What is not secret stays readable: the analyst still sees which line it was and why.
    expect(issues[0]?.raw_line).toContain("https://admin:");
    expect(issues[0]?.reason).toMatch(/^invalid JSON/);

    const kept = await importFile(ctx, {
      incidentId,
      filePath: writeFixture("rejects-kept.jsonl", `${jsonlLines.join("\n")}\n`),
      options: { redact: false },
    });
    const keptText = (await issuesOf(t.db, kept.sourceId)).map((i) => i.raw_line).join("\n");
    expect(keptText).toContain("LeakedPw111");
    expect(keptText).toContain("LeakedPw333");
  });

  it("stores a rejected CSV row as written in the file, not as its joined cells", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    // No column named for time and no value that reads as one: the row is rejected ("no time field").
    const noTime = "Zeitpunkt;Benutzer;Nachricht\ngestern früh;alice;Anmeldung\n";
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("no-time.csv", noTime) });
    expect(s).toMatchObject({ read: 1, rejected: 1 });
    const [issue] = await issuesOf(t.db, s.sourceId);
    expect(issue?.raw_line).toBe("gestern früh;alice;Anmeldung");

    const cells = await importFile(ctx, { incidentId, filePath: writeFixture("cells.csv", csvText) });
    const [bad] = await issuesOf(t.db, cells.sourceId);
    expect(bad?.line_number).toBe(3);
    expect(bad?.raw_line).toMatch(/^2024-03-07T10:01:00Z;bob;"https:\/\/a:\[REDACTED:[a-z-]+\]@h\.example\.test\/";extra;cells$/);
  });
});

describe("the upload preview", () => {
  it("shows rows and reasons redacted as they would be stored, unless redaction is off", async () => {
    const file = writeFixture("preview.jsonl", jsonlLines.join("\n"));
    const secretLine = JSON.stringify({ time: "2024-03-07T10:02:00Z", message: "fetch https://svc:LeakedPw555@files.example.test/y" });
    const withSecret = writeFixture("preview-ok.jsonl", `${jsonlLines[0]}\n${secretLine}\n`);

    const p = await previewFile(file);
    expect(p.rows.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(JSON.stringify(p.rows)).not.toMatch(/LeakedPw/);
    const ok = await previewFile(withSecret);
    expect(ok.rows[1]?.message).toMatch(/^fetch https:\/\/svc:\[REDACTED:[a-z-]+\]@files\.example\.test\/y$/);

    const raw = await previewFile(withSecret, { redact: false });
    expect(raw.rows[1]?.message).toContain("LeakedPw555");
  });
});
