import type { SqlRunner } from "@/lib/db/sql";

/** A fixed window's state: how many were counted and when the window ends. */
export type WindowState = { count: number; resetAt: Date };

/** Counts one more against `key` in a fixed window of `seconds` (a new window starts once it has passed). */
export async function hitWindow(sql: SqlRunner, key: string, seconds: number): Promise<WindowState> {
  const [row] = await sql.query<{ count: number; reset_at: Date }>(
    `INSERT INTO rate_limit_windows AS w (key, window_start, count) VALUES ($1, clock_timestamp(), 1)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN w.window_start > clock_timestamp() - make_interval(secs => $2) THEN w.count + 1 ELSE 1 END,
       window_start = CASE WHEN w.window_start > clock_timestamp() - make_interval(secs => $2) THEN w.window_start ELSE clock_timestamp() END
     RETURNING count, window_start + make_interval(secs => $2) AS reset_at`,
    [key, seconds],
  );
  if (!row) throw new Error("rate limit window was not written");
  return { count: row.count, resetAt: new Date(row.reset_at) };
}

/** Takes one count back (an attempt that turned out not to be a wrong password). */
export async function takeBack(sql: SqlRunner, key: string): Promise<void> {
  await sql.query("UPDATE rate_limit_windows SET count = greatest(count - 1, 0) WHERE key = $1", [key]);
}

/** Forgets a window (a successful sign-in ends a run of wrong passwords). */
export async function clearWindow(sql: SqlRunner, key: string): Promise<void> {
  await sql.query("DELETE FROM rate_limit_windows WHERE key = $1", [key]);
}

/** Seconds until the window ends, at least 1 (for Retry-After). */
export function retryAfterSeconds(state: WindowState): number {
  return Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
}
