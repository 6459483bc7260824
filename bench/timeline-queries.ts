// The timeline's two queries on the 1M-event scenario, timed as the API runs them.
import type { Ctx } from "@/lib/context/ctx";
import { getTimelineData } from "@/lib/queries/get-timeline-data";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm the plan and the cache: the target is for a user zooming, not a cold server
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Bucket query over the whole incident at 1,500 px, and a raw-window query of ≤ 5,000 events. */
export async function benchTimelineQueries(ctx: Ctx, incidentId: string, runs = 15) {
  const whole = await getTimelineData(ctx, incidentId, { width: 1500, lanes: "stage" });
  if (whole?.kind !== "buckets") throw new Error("the whole incident did not come back as buckets");
  const buckets = await timed(runs, () => getTimelineData(ctx, incidentId, { width: 1500, lanes: "stage" }));

  // A window holding just under 5,000 events, starting at the first forged token's day.
  const from = "2023-05-15T00:00:00Z";
  const [edge] = await ctx.db.sql.query<{ t: string }>(
    `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t FROM events
     WHERE incident_id = $1 AND occurred_at >= $2 ORDER BY occurred_at OFFSET 4990 LIMIT 1`,
    [incidentId, from],
  );
  const to = edge?.t ?? "2023-05-16T00:00:00Z";
  const window = await getTimelineData(ctx, incidentId, { from, to, width: 1500, lanes: "stage" });
  if (window?.kind !== "events") throw new Error(`the window ${from} – ${to} did not come back as raw events`);
  const raw = await timed(runs, () => getTimelineData(ctx, incidentId, { from, to, width: 1500, lanes: "stage" }));
  return {
    bucketMs: median(buckets),
    bucketCells: whole.cells.length,
    windowMs: median(raw),
    windowEvents: window.events.length,
    window: { from, to },
  };
}
