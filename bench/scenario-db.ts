// The Storm-0558 scenario with N background events, loaded once into its own database on the
// local Postgres and reused by later benchmark runs (loading a million events takes minutes).
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const ADMIN = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The URL of a database holding the scenario at `noise`, and the demo incident's id. */
export async function ensureScenarioDb(noise: number): Promise<{ url: string; incidentId: string; built: boolean }> {
  const name = `chainline_bench_storm_n${noise}`;
  const u = new URL(ADMIN);
  u.pathname = `/${name}`;
  const url = u.toString();
  const existing = await incidentIn(url, noise);
  if (existing) return { url, incidentId: existing, built: false };
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  console.error(`loading the scenario with ${noise.toLocaleString("en-US")} background events into ${name} (once; minutes at a million)…`);
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const env = { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "--max-old-space-size=512 --max-semi-space-size=16" };
  execFileSync(tsx, ["--conditions=react-server", "bin/chainline.ts", "db", "migrate"], { env, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync(tsx, ["--conditions=react-server", "bin/chainline.ts", "scenario", "load", "--noise", String(noise)], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const incidentId = await incidentIn(url, noise);
  if (!incidentId) throw new Error(`the scenario did not load into ${name}`);
  return { url, incidentId, built: true };
}

/** The demo incident of a fully loaded scenario database, or null (missing, partial, or older schema). */
async function incidentIn(url: string, noise: number): Promise<string | null> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const r = await c.query<{ id: string; n: string; steps: string }>(
      `SELECT i.id, (SELECT count(*) FROM events e WHERE e.incident_id = i.id) AS n,
              (SELECT count(*) FROM chain_steps s WHERE s.incident_id = i.id) AS steps
       FROM incidents i ORDER BY i.created_at LIMIT 1`,
    );
    const row = r.rows[0];
    return row && Number(row.n) >= noise && Number(row.steps) > 0 ? row.id : null;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => undefined);
  }
}
