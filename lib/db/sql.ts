/** The few raw-SQL operations Chainline needs, the same on a Postgres server and on PGlite. */
export type SqlRunner = {
  /** One statement with $1… parameters; returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn on one connection inside BEGIN … COMMIT, rolling back if it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Runs fn on one connection of its own, outside any transaction (fn begins and commits its own,
   * and its session's locks and temp tables last until fn returns). Only where there is more
   * than one connection: absent on the embedded database.
   */
  session?<T>(fn: (s: SqlRunner) => Promise<T>): Promise<T>;
};
