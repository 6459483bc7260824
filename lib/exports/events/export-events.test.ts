import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { createIncident } from "@/lib/actions/create-incident";
import type { Ctx } from "@/lib/context/ctx";
import { importFile } from "@/lib/ingest/import-file";
import { incidentWithRoles } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { eventChunks } from "./export-events";

const SIGN_INS = path.resolve(import.meta.dirname, "../../../../shared/samples/entra/sign-in_adelete.csv");

async function exportText(ctx: Ctx, incidentId: string, format: Parameters<typeof eventChunks>[2], filters: unknown = {}) {
  let text = "";
  for await (const chunk of eventChunks(ctx, incidentId, format, filters)) text += chunk;
  return text;
}

// What "the same events" means: every canonical field, times to the microsecond.
const CANONICAL = `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS t, message, timestamp_desc, action, category,
  outcome, actor, host, host(src_ip) AS src_ip, host(dst_ip) AS dst_ip, target
  FROM events WHERE incident_id = $1 ORDER BY occurred_at, message, id`;

function tmpFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "chainline-export-")), name);
  writeFileSync(file, text);
  return file;
}

describeEachDatabase("events export", (kind) => {
  const t = useTestDatabase(kind);

  it("writes Timesketch JSONL that Chainline re-imports to the same events, microseconds and fields included", async () => {
    const { incidentId, owner } = await incidentWithRoles(t.db, []);
    // A real Entra export, and records that share a microsecond and cross the 5,000-row batch.
    await importFile(owner.ctx, { incidentId, filePath: SIGN_INS });
    const lines = Array.from({ length: 5_003 }, (_, i) =>
      JSON.stringify({
        time: `2023-05-15T03:12:44.${String(123456 + (i % 3)).padStart(6, "0")}Z`,
        message: `request ${i} from 203.0.113.${i % 250}`,
        action: "Request",
        actor: `user${i % 7}@contoso.test`,
        src_ip: `203.0.113.${i % 250}`,
        dst_ip: "2001:db8::1",
        outcome: i % 2 ? "success" : "failure",
      }),
    );
    await importFile(owner.ctx, { incidentId, filePath: tmpFile("bulk.jsonl", `${lines.join("\n")}\n`) });
    const original = await t.db.sql.query(CANONICAL, [incidentId]);
    expect(original.length).toBeGreaterThan(5_003);

    const jsonl = await exportText(owner.ctx, incidentId, "timesketch-jsonl");
    const exported = jsonl
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(exported).toHaveLength(original.length);
    expect(exported[0]).toEqual(
      expect.objectContaining({ message: expect.any(String), datetime: expect.any(String), timestamp: expect.any(Number) }),
    );
    expect(new Set(exported.map((e) => e.chainline_event_id)).size).toBe(exported.length); // no row twice across batches

    const { id: copy } = await createIncident(owner.ctx, { title: "Re-imported" });
    const result = await importFile(owner.ctx, { incidentId: copy, filePath: tmpFile("export.jsonl", jsonl) });
    expect(result.format).toBe("timesketch-jsonl");
    expect(result.rejected).toBe(0);
    expect(await t.db.sql.query(CANONICAL, [copy])).toEqual(original);
  }, 120_000);

  it("neutralises cells a spreadsheet would run, keeps the rest, and applies the Events table's filters", async () => {
    const { incidentId, owner } = await incidentWithRoles(t.db, []);
    const hostile = [
      { time: "2023-05-15T03:00:00Z", message: '=HYPERLINK("http://evil.test","click")', actor: "+1 555", action: "-2+3" },
      { time: "2023-05-15T03:00:01Z", message: "@SUM(1)", actor: "\tTab", action: "\rCR" },
      { time: "2023-05-15T03:00:02Z", message: 'plain, with "quotes"', actor: "alice", action: "Login" },
    ];
    await importFile(owner.ctx, {
      incidentId,
      filePath: tmpFile("hostile.jsonl", `${hostile.map((h) => JSON.stringify(h)).join("\n")}\n`),
    });
    const csv = await exportText(owner.ctx, incidentId, "csv");
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    expect(header).toBe(
      "id,time,timestamp_desc,source,line,stage,technique,severity,action,category,outcome,actor,host,src_ip,dst_ip,target,message",
    );
    expect(rows[0]).toContain(`'-2+3`);
    expect(rows[0]).toContain(`'+1 555`);
    expect(rows[0]).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(rows[1]).toContain(`'@SUM(1)`);
    expect(rows[1]).toContain(`,'\tTab,`);
    expect(rows[2]).toContain(`"plain, with ""quotes"""`);
    // No cell of any row starts with a character a spreadsheet treats as a formula.
    for (const row of rows) for (const cell of row.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
    // The Events table's filters: a text search selects one.
    expect((await exportText(owner.ctx, incidentId, "csv", { q: "quotes" })).trimEnd().split("\r\n")).toHaveLength(2);
  });
});
