import { expect, it } from "vitest";
import { importFile } from "@/lib/ingest/import-file";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { runRules } from "./run-rules";

/** Entra sign-ins (Graph JSON lines): `n` failures for one account from one address, a minute apart, then one success. */
function guessing(ip: string, user: string, start: string, failures: number, success: boolean): string[] {
  const t0 = Date.parse(start);
  const line = (i: number, code: number) =>
    JSON.stringify({
      id: `${ip}-${i}-${code}`,
      createdDateTime: new Date(t0 + i * 60_000).toISOString(),
      userPrincipalName: user,
      appId: "c44b4083-3bb0-49c1-b47d-974e53cbdf3c",
      appDisplayName: "Azure Portal",
      ipAddress: ip,
      status: { errorCode: code, failureReason: code ? "Invalid username or password" : null },
    });
  const out = Array.from({ length: failures }, (_, i) => line(i, 50126));
  if (success) out.push(line(failures + 5, 0));
  return out;
}

describeEachDatabase("password guessing", (kind) => {
  const t = useTestDatabase(kind);

  it("tags the guessing as an attempt and the sign-in that followed from the same address as the way in", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Guessing");
    const lines = [
      ...guessing("203.0.113.9", "victim@contoso.test", "2023-06-14T08:00:00Z", 12, true),
      // Fewer failures from another address, then a success: an ordinary typo, not guessing.
      ...guessing("198.51.100.4", "someone@contoso.test", "2023-06-14T08:00:00Z", 3, true),
    ];
    const file = writeFixture("signins.jsonl", `${lines.join("\n")}\n`);
    const s = await importFile(ctx, { incidentId, filePath: file });
    expect(s).toMatchObject({ format: "entra-signin-json", imported: 17 });
    await runRules(ctx, incidentId);
    const rows = await t.db.sql.query<{ ip: string; stage: string; outcome: string; n: number }>(
      `SELECT host(e.src_ip) AS ip, st.key AS stage, split_part(e.outcome, ' ', 1) AS outcome, count(*)::int AS n
       FROM events e JOIN stages st ON st.id = e.stage_id WHERE e.incident_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2`,
      [incidentId],
    );
    expect(rows).toEqual([
      { ip: "203.0.113.9", stage: "credential-access", outcome: "failure", n: 12 },
      { ip: "203.0.113.9", stage: "initial-access", outcome: "success", n: 1 },
    ]);
  });
});
