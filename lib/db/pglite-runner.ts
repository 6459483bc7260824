import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { SqlRunner } from "./sql";

type Queryable = Pick<PGlite | Transaction, "query" | "exec">;

function runner(q: Queryable, begin: SqlRunner["transaction"]): SqlRunner {
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      return (await q.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await q.exec(sql);
    },
    transaction: begin,
  };
}

/** SqlRunner over an in-process PGlite (a single session, so transactions are serialised). */
export function pgliteRunner(db: PGlite): SqlRunner {
  const top: SqlRunner = runner(db, (fn) =>
    db.transaction(async (tx) => {
      const inner: SqlRunner = runner(tx, async (nested) => {
        await tx.exec("SAVEPOINT nested");
        try {
          const out = await nested(inner);
          await tx.exec("RELEASE SAVEPOINT nested");
          return out;
        } catch (err) {
          await tx.exec("ROLLBACK TO SAVEPOINT nested");
          throw err;
        }
      });
      return fn(inner);
    }),
  );
  return top;
}
