import { expect, it } from "vitest";
import { eventsOf, issuesOf, newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { ImportRefusedError } from "./file-input";
import { type ImportSummary, importFile } from "./import-file";

function accounted(s: ImportSummary) {
  expect(s.read).toBe(s.imported + s.duplicate + s.rejected);
}

describeEachDatabase("importFile (generic formats)", (kind) => {
  const t = useTestDatabase(kind);

  it("imports JSON Lines exactly: microseconds, assumed zones, canonical fields, raw as read", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const file = writeFixture(
      "a.jsonl",
      [
        '{"ts":"2023-05-15T03:12:44.123456Z","msg":"login ok","user":"alice@example.test","src_ip":"203.0.113.7:5123","n":1}',
        "",
        '{"ts":"2023-05-15 05:12:44.5","msg":"mail read","user":"bob@example.test","src_ip":"[2001:db8::1]:443"}',
      ].join("\r\n"),
    );
    const s = await importFile(ctx, { incidentId, filePath: file, options: { zone: "Europe/Berlin" } });
    expect(s).toMatchObject({ format: "jsonl", outcome: "imported", read: 2, imported: 2, duplicate: 0, rejected: 0, blankLines: 1 });
    const ev = await eventsOf(t.db, s.sourceId);
    expect(ev.map((e) => [e.line_number, e.occurred, e.assumed_zone, e.message, e.actor, e.src_ip])).toEqual([
      [1, "2023-05-15T03:12:44.123456Z", null, "login ok", "alice@example.test", "203.0.113.7"],
      [3, "2023-05-15T03:12:44.500000Z", "Europe/Berlin", "mail read", "bob@example.test", "2001:db8::1"],
    ]);
    expect(ev[0]?.raw).toEqual({
      ts: "2023-05-15T03:12:44.123456Z",
      msg: "login ok",
      user: "alice@example.test",
      src_ip: "203.0.113.7:5123",
      n: 1,
    });
    expect(ev[1]?.timestamp_text).toBe("2023-05-15 05:12:44.5");
    const source = await t.db.prisma.source.findUniqueOrThrow({ where: { id: s.sourceId } });
    expect(source).toMatchObject({
      status: "complete",
      readCount: 2,
      importedCount: 2,
      name: expect.stringMatching(/a\.jsonl$/),
      sha256: s.sha256,
    });
    expect(source.firstEventAt?.toISOString()).toBe("2023-05-15T03:12:44.123Z");
  });

  it("re-importing the same bytes imports nothing new; an overlapping export counts duplicates", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const lines = [
      '{"time":"2021-04-28T14:00:00Z","message":"a"}',
      '{"time":"2021-04-28T14:00:01Z","message":"b"}',
      '{"time":"2021-04-28T14:00:01Z","message":"b"}',
    ];
    const first = await importFile(ctx, { incidentId, filePath: writeFixture("x.jsonl", lines.join("\n")) });
    expect(first).toMatchObject({ read: 3, imported: 3, duplicate: 0 }); // two identical lines stay two events
    const again = await importFile(ctx, { incidentId, filePath: writeFixture("x-copy.jsonl", lines.join("\n")) });
    expect(again).toMatchObject({ outcome: "already-imported", sourceId: first.sourceId, imported: 0 });
    const overlap = await importFile(ctx, {
      incidentId,
      filePath: writeFixture("y.jsonl", [lines[1], lines[2], lines[2], '{"time":"2021-04-28T14:00:02Z","message":"c"}'].join("\n")),
    });
    expect(overlap).toMatchObject({ read: 4, imported: 2, duplicate: 2, rejected: 0 });
    accounted(overlap);
    expect(await t.db.prisma.event.count({ where: { incidentId } })).toBe(5);
  });

  it("rejects malformed lines with line number and reason, and imports the rest", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const bad = Buffer.concat([
      Buffer.from('{"time":"2023-01-01T00:00:00Z","message":"ok"}\n{"time":"2023-01-01T00:00:01Z","message":"broken"\n[1,2]\n'),
      Buffer.from([0x7b, 0x22, 0x6d, 0xff, 0xfe, 0x22, 0x7d, 0x0a]),
      Buffer.from(
        '{"time":"1066-10-14T09:00:00Z","message":"too old"}\n{"message":"no time"}\n{"time":"yesterday","message":"words"}\n{"time":"2023-01-01T00:00:02Z","message":"ok"}\n',
      ),
    ]);
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("bad.jsonl", bad), options: { format: "jsonl" } });
    accounted(s);
    expect(s).toMatchObject({ read: 8, imported: 2, rejected: 6 });
    const issues = await issuesOf(t.db, s.sourceId);
    expect(issues.map((i) => i.line_number)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(issues[0]?.reason).toMatch(/^invalid JSON/);
    expect(issues[1]?.reason).toBe("not a JSON object");
    expect(issues[2]?.reason).toMatch(/invalid UTF-8/);
    expect(issues[3]?.reason).toMatch(/1066/);
    expect(issues[4]?.reason).toBe('no value in time field "time"');
    expect(issues[5]?.reason).toContain('"yesterday"');
    expect(issues[0]?.raw_line).toBe('{"time":"2023-01-01T00:00:01Z","message":"broken"');
    const source = await t.db.prisma.source.findUniqueOrThrow({ where: { id: s.sourceId } });
    expect(source.rejectedCount).toBe(6);
  });

  it("rejects a record nested too deep to check for secrets, and imports the lines around it", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const deep = `{"time":"2023-01-01T00:00:01Z","message":"deep","x":${"[".repeat(300)}1${"]".repeat(300)}}`;
    const lines = ['{"time":"2023-01-01T00:00:00Z","message":"a"}', deep, '{"time":"2023-01-01T00:00:02Z","message":"b"}'];
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("deep.jsonl", lines.join("\n")) });
    expect(s).toMatchObject({ read: 3, imported: 2, rejected: 1 });
    expect((await issuesOf(t.db, s.sourceId))[0]).toMatchObject({
      line_number: 2,
      reason: expect.stringMatching(/^cannot read this record: /),
    });
  });

  it("reads CSV with a BOM, semicolons, quoted multi-line cells, mixed line endings and blank lines", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const csv =
      '\uFEFFDate;User;Details\r\n2023-05-15 03:12:44;alice;"line one\r\nline ""two""; with ;"\n\n2023-05-15 03:12:45;bob;plain\r\n';
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("a.csv", csv) });
    expect(s).toMatchObject({ format: "csv", read: 2, imported: 2, rejected: 0 });
    const ev = await eventsOf(t.db, s.sourceId);
    expect(ev.map((e) => [e.line_number, e.occurred, e.actor])).toEqual([
      [2, "2023-05-15T03:12:44.000000Z", "alice"],
      [5, "2023-05-15T03:12:45.000000Z", "bob"],
    ]);
    expect(ev[0]?.raw).toEqual({ Date: "2023-05-15 03:12:44", User: "alice", Details: 'line one\nline "two"; with ;' });
  });

  it("streams a JSON array and rejects only its broken element", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const text =
      '[\n  {"time":"2023-06-16T10:00:00Z","message":"one"},\n  {"time":"2023-06-16T10:00:01Z",,"message":"two"},\n  {"time":"2023-06-16T10:00:02Z","message":"three"}\n]\n';
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("arr.json", text) });
    expect(s).toMatchObject({ format: "json-array", read: 3, imported: 2, rejected: 1 });
    expect((await issuesOf(t.db, s.sourceId))[0]?.line_number).toBe(3);
  });

  it("reads Timesketch CSV, preferring the microsecond timestamp, and keeps extra fields", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const csv =
      'message,datetime,timestamp_desc,timestamp,tag,user\n"Signed in",2023-05-15T03:12:44+00:00,Event Logged,1684120364123456,sign-in,alice\n';
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("ts.csv", csv) });
    expect(s.format).toBe("timesketch-csv");
    const [e] = await eventsOf(t.db, s.sourceId);
    expect(e).toMatchObject({
      occurred: "2023-05-15T03:12:44.123456Z",
      timestamp_desc: "Event Logged",
      message: "Signed in",
      actor: "alice",
    });
    expect(e?.raw).toMatchObject({ tag: "sign-in", user: "alice" });
  });

  it("applies an explicit field mapping, time format and zone", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const csv = "When,Who,What,Box\n15/05/2023 05:12,alice,opened mailbox,MBX-1\n";
    const s = await importFile(ctx, {
      incidentId,
      filePath: writeFixture("m.csv", csv),
      options: {
        zone: "Europe/Berlin",
        timeFormat: "%d/%m/%Y %H:%M",
        mapping: { time: "When", actor: "Who", message: "What", host: "Box" },
      },
    });
    const [e] = await eventsOf(t.db, s.sourceId);
    expect(e).toMatchObject({
      occurred: "2023-05-15T03:12:00.000000Z",
      assumed_zone: "Europe/Berlin",
      actor: "alice",
      message: "opened mailbox",
      host: "MBX-1",
    });
  });

  it("reads a gzip file through and a 10 MB line whole; refuses a PNG with no source left behind", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const big = `{"time":"2023-01-01T00:00:00Z","message":"big","blob":"${"x".repeat(10 * 1024 * 1024)}"}\n{"time":"2023-01-01T00:00:01Z","message":"after"}\n`;
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("big.jsonl.gz", big, { gzip: true }) });
    expect(s).toMatchObject({ read: 2, imported: 2, rejected: 0 });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const before = await t.db.prisma.source.count();
    const err = await importFile(ctx, { incidentId, filePath: writeFixture("photo.log", png) }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRefusedError);
    expect(err.message).toMatch(/photo\.log: .*PNG/);
    expect(await t.db.prisma.source.count()).toBe(before);
  });

  it("reports progress through its phases, with the byte total known from the first one", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const content = `${Array.from({ length: 50 }, (_, i) => JSON.stringify({ time: `2023-05-15T03:00:${String(i).padStart(2, "0")}Z`, message: `m ${i}` })).join("\n")}\n`;
    const seen: { phase: string; bytesTotal: number }[] = [];
    await importFile(ctx, {
      incidentId,
      filePath: writeFixture("progress.jsonl", content),
      onProgress: (p) => seen.push({ phase: p.phase, bytesTotal: p.bytesTotal }),
    });
    expect([...new Set(seen.map((p) => p.phase))]).toEqual(["hashing", "reading", "finalizing", "done"]);
    for (const p of seen) expect(p.bytesTotal).toBe(Buffer.byteLength(content));
  });

  it("never stores a PEM key, a JWT signature or a password in a URL, and records each finding", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7Vq0s3cr3tK3yM4t3r1alN0tR3al\n-----END RSA PRIVATE KEY-----";
    const sig = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    const jwt = `eyJhbGciOiJSUzI1NiIsImtpZCI6IjFMVE16YWtpaGlSbGFfOHoyQkVKVlhlV01xbyJ9.eyJpc3MiOiJodHRwczovL3N0cy53aW5kb3dzLm5ldC94LyJ9.${sig}`;
    const lines = [
      JSON.stringify({ time: "2021-04-05T10:00:00Z", message: "crash dump contents", dump: pem }),
      JSON.stringify({ time: "2023-06-15T03:12:40Z", message: `Authorization: Bearer ${jwt}` }),
      JSON.stringify({ time: "2023-06-15T03:12:41Z", message: "fetch https://svc:Hunter2Secret!@files.example.test/share" }),
    ];
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("secrets.jsonl", lines.join("\n")) });
    expect(s).toMatchObject({ imported: 3, redacted: 3 });
    const [dump] = await t.db.sql.query<{ all: string }>(
      `SELECT string_agg(raw::text || message, ' ') AS "all" FROM events WHERE source_id = $1`,
      [s.sourceId],
    );
    expect(dump?.all).not.toContain("MIIEowIBAAKCAQEA");
    expect(dump?.all).not.toContain(sig);
    expect(dump?.all).not.toContain("Hunter2Secret!");
    // Header and claims stay readable (the kid is what an investigator pivots on); only the signature goes.
    expect(dump?.all).toContain(jwt.split(".").slice(0, 2).join("."));
    const findings = await t.db.prisma.redactionFinding.findMany({ where: { sourceId: s.sourceId }, orderBy: { id: "asc" } });
    expect(findings.map((f) => f.kind).sort()).toEqual(["jwt", "pem-private-key", "url-password"]);
    expect(findings.find((f) => f.kind === "jwt")?.hint).toContain("kid=1LTMzakihiRla_8z2BEJVXeWMqo");
    for (const f of findings) expect(f.hint).not.toMatch(/Hunter2|MIIEow|SflKx/);
    expect((await t.db.prisma.source.findUniqueOrThrow({ where: { id: s.sourceId } })).redactedCount).toBe(3);

    const keptLine = JSON.stringify({ time: "2023-06-15T03:12:42Z", message: "fetch https://svc:Hunter2Secret!@files.example.test/other" });
    const kept = await importFile(ctx, { incidentId, filePath: writeFixture("kept.jsonl", keptLine), options: { redact: false } });
    const [e] = await eventsOf(t.db, kept.sourceId);
    expect(e?.message).toContain("Hunter2Secret!");
  });
});
