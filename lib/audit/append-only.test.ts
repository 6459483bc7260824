import { expect, it } from "vitest";
import { getLocalContext } from "@/lib/context/get-local-context";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { recordAuditSql } from "./record-audit-sql";

describeEachDatabase("audit_entries", (kind) => {
  const t = useTestDatabase(kind);

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE, even with triggers set to replica", async () => {
    const ctx = await getLocalContext(t.db);
    await recordAuditSql(t.db.sql, ctx, { action: "test.write", entityType: "Test", entityId: "1", after: { ok: true } });
    await expect(t.db.sql.query("UPDATE audit_entries SET action = 'forged'")).rejects.toThrow(/append-only/);
    await expect(t.db.sql.query("DELETE FROM audit_entries")).rejects.toThrow(/append-only/);
    await expect(t.db.sql.query("TRUNCATE audit_entries")).rejects.toThrow(/append-only/);
    await expect(
      t.db.sql.transaction(async (tx) => {
        await tx.query("SET LOCAL session_replication_role = replica");
        await tx.query("DELETE FROM audit_entries");
      }),
    ).rejects.toThrow(/append-only/);
    const [row] = await t.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_entries WHERE action = 'test.write'");
    expect(row?.n).toBe(1);
  });
});
