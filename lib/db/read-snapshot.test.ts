import { describe, expect, it } from "vitest";
import { describeEachDatabase, serverReachable, useTestDatabase } from "@/lib/testing/test-databases";
import { inReadSnapshot } from "./read-snapshot";

describeEachDatabase("reads in one snapshot", (kind) => {
  const t = useTestDatabase(kind);

  it("hands out values one at a time from one transaction, and a stop part-way ends it", async () => {
    await t.db.sql.exec("CREATE TABLE snap_rows (n int)");
    await t.db.sql.query("INSERT INTO snap_rows SELECT generate_series(1, 5)");
    const seen: number[] = [];
    const gen = inReadSnapshot(t.db.sql, async function* (tx) {
      for (let i = 1; i <= 5; i++) {
        const [row] = await tx.query<{ n: number; ro: string }>(
          "SELECT count(*)::int AS n, current_setting('transaction_read_only') AS ro FROM snap_rows",
        );
        yield { count: row?.n ?? -1, readOnly: row?.ro };
      }
    });
    const first = await gen.next();
    const second = await gen.next();
    await gen.return(undefined);
    expect(first.value).toEqual({ count: 5, readOnly: "on" });
    seen.push(first.value?.count ?? -1, second.value?.count ?? -1);
    expect(seen).toEqual([5, 5]);
    // The transaction is over: the connection takes writes again.
    await t.db.sql.query("INSERT INTO snap_rows VALUES (6)");
    const [after] = await t.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM snap_rows");
    expect(after?.n).toBe(6);
  });

  it("passes an error out and ends the transaction", async () => {
    const gen = inReadSnapshot(t.db.sql, async function* (tx) {
      yield 1;
      await tx.query("SELECT * FROM no_such_table");
    });
    expect((await gen.next()).value).toBe(1);
    await expect(gen.next()).rejects.toThrow(/no_such_table/);
    expect((await t.db.sql.query<{ one: number }>("SELECT 1 AS one"))[0]?.one).toBe(1);
  });
});

// The embedded database has one connection: no one else can write while the snapshot is open.
describe.skipIf(!serverReachable)("reads in one snapshot [server, concurrent]", () => {
  const t = useTestDatabase("server");

  it("does not see rows another connection writes meanwhile", async () => {
    await t.db.sql.exec("CREATE TABLE snap_more (n int); INSERT INTO snap_more VALUES (1)");
    const gen = inReadSnapshot(t.db.sql, async function* (tx) {
      for (;;) yield (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM snap_more"))[0]?.n;
    });
    const before = (await gen.next()).value;
    await t.db.sql.query("INSERT INTO snap_more VALUES (2)");
    const during = (await gen.next()).value;
    await gen.return(undefined);
    expect([before, during]).toEqual([1, 1]);
    expect((await t.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM snap_more"))[0]?.n).toBe(2);
  });
});
