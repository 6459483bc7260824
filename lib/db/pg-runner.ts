import pg from "pg";
import type { SqlRunner } from "./sql";

const INT8_OID = 20;

// PGlite returns bigint columns as numbers and pg as strings; make pg match, so raw rows look
// the same on both databases (counts and ids here stay far below 2^53).
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function run(q: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) {
  return q.query({ text: sql, values: params as unknown[] | undefined, types });
}

function clientRunner(client: pg.PoolClient): SqlRunner {
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      return (await run(client, sql, params)).rows as T[];
    },
    async exec(sql) {
      await client.query(sql);
    },
    async transaction(fn) {
      // Already on one connection inside a transaction: nest with a savepoint.
      await client.query("SAVEPOINT nested");
      try {
        const out = await fn(this);
        await client.query("RELEASE SAVEPOINT nested");
        return out;
      } catch (err) {
        await client.query("ROLLBACK TO SAVEPOINT nested");
        throw err;
      }
    },
  };
}

/** SqlRunner over a pg Pool: each transaction takes one connection for its whole length. */
export function poolRunner(pool: pg.Pool): SqlRunner {
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      return (await run(pool, sql, params)).rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn(clientRunner(client));
        await client.query("COMMIT");
        return out;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async session(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        return await fn(clientRunner(client));
      } catch (err) {
        // A session that failed may hold a lock or a temp table still: its connection is not reused.
        broken = true;
        throw err;
      } finally {
        client.release(broken);
      }
    },
  };
}
