import path from "node:path";
import { expect, it } from "vitest";
import { importIssuesCsv, listImportIssues } from "@/lib/queries/list-import-issues";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { importFile } from "./import-file";

const AWS = path.resolve(process.cwd(), "..", "shared", "samples", "aws", "AWS_S3_HoneyBucketLogs.csv");

async function text(chunks: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}

describeEachDatabase("imports that store nothing, and reading every rejected line", (kind) => {
  const t = useTestDatabase(kind);

  it("a header-only file ends empty, with the reason, audited, never complete", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("header.csv", "Date,User,Action\r\n\r\n") });
    expect(s).toMatchObject({ outcome: "empty", read: 0, imported: 0, rejected: 0 });
    expect(s.reason).toMatch(/no records/);
    const source = await t.db.prisma.source.findUniqueOrThrow({ where: { id: s.sourceId } });
    expect(source).toMatchObject({ status: "empty", error: s.reason });
    const audit = await t.db.prisma.auditEntry.findMany({ where: { entityId: s.sourceId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["source.import.start", "source.import.empty"]);
  });

  it("a file whose every record is rejected fails with the commonest reason; another reading replaces it", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const rows = Array.from({ length: 7 }, (_, i) => `1${i}|05|2023 03:12,alice@example.test,Login`);
    const file = writeFixture("odd-dates.csv", ["Date,User,Action", ...rows].join("\n"));
    const s = await importFile(ctx, { incidentId, filePath: file });
    expect(s).toMatchObject({ outcome: "rejected", read: 7, imported: 0, rejected: 7 });
    expect(s.reason).toBe(
      'every record (7) was rejected: unrecognised timestamp (first at line 2: unrecognised timestamp: "10|05|2023 03:12")',
    );
    const failed = await t.db.prisma.source.findUniqueOrThrow({ where: { id: s.sourceId } });
    expect(failed).toMatchObject({ status: "failed", error: s.reason, rejectedCount: 7 });
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { entityId: s.sourceId, action: "source.import.failed" } });
    expect(audit.after).toMatchObject({ rejected: 7, reason: s.reason });

    // The same bytes read again with the format that fits: the failed reading is replaced, not kept beside it.
    const again = await importFile(ctx, { incidentId, filePath: file, options: { timeFormat: "%d|%m|%Y %H:%M" } });
    expect(again).toMatchObject({ outcome: "imported", sourceId: s.sourceId, read: 7, imported: 7, rejected: 0 });
    const fixed = await t.db.prisma.source.findUniqueOrThrow({ where: { id: s.sourceId } });
    expect(fixed).toMatchObject({ status: "complete", error: null, rejectedCount: 0 });
    expect(await t.db.prisma.importIssue.count({ where: { sourceId: s.sourceId } })).toBe(0);
  });

  it("rejected lines page through every one of them and download whole as CSV", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const lines = ['{"time":"2023-05-15T03:12:44Z","message":"ok"}', ...Array.from({ length: 5 }, (_, i) => `not json ${i}`), "=cmd|x"];
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("mixed.jsonl", lines.join("\n")), options: { format: "jsonl" } });
    expect(s).toMatchObject({ outcome: "imported", imported: 1, rejected: 6 });
    const seen: number[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listImportIssues(ctx, s.sourceId, { after, limit: 4 });
      if (!page) throw new Error("source not visible");
      seen.push(...page.issues.map((i) => i.line));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual([2, 3, 4, 5, 6, 7]);
    await expect(listImportIssues(ctx, s.sourceId, { after: "nope" })).rejects.toThrow(/line\.id/);

    const csv = await importIssuesCsv(ctx, s.sourceId);
    if (!csv) throw new Error("source not visible");
    const body = (await text(csv.chunks)).split("\r\n").filter(Boolean);
    expect(body[0]).toBe("line,reason,raw_line");
    expect(body).toHaveLength(7);
    // A raw line that starts like a formula is escaped, as in every export.
    expect(body[6]).toMatch(/^7,.*,'=cmd\|x$/);
  });

  it("generic CSV finds the time column by its values: the real AWS export names it only 'Event DateTime'", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const s = await importFile(ctx, { incidentId, filePath: AWS, options: { format: "csv" } });
    expect(s).toMatchObject({ outcome: "imported", read: 301, rejected: 0 });
    expect(s.imported + s.duplicate).toBe(301);
    // The earliest and latest Event DateTime of the file, not the Alarm DateTime beside it.
    expect([s.firstEventAt, s.lastEventAt]).toEqual(["2020-02-11T03:33:11.000000Z", "2022-02-18T17:34:57.000000Z"]);
  });
});
