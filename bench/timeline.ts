// npm run bench:timeline [-- N]: the timeline's targets on the Storm-0558 scenario with N
// background events (default 1,000,000) on the local Postgres: the whole-incident bucket query
// at 1,500 px and a raw window of ≤ 5,000 events (medians), then, with the production build
// served against that database, page load to first full render, a zoom frame and a 20,000-mark draw.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { getLocalContext } from "@/lib/context/get-local-context";
import { openDatabase } from "@/lib/db/open";
import { DEMO_ACCOUNTS, DEMO_PASSWORD_DEFAULT } from "@/lib/demo/demo-accounts";
import { ensureDemoAccounts, ensureDemoMemberships } from "@/lib/demo/ensure-demo-accounts";
import { ensureScenarioDb } from "./scenario-db";
import { benchTimelineBrowser } from "./timeline-browser";
import { benchTimelineQueries } from "./timeline-queries";

const noise = Number(process.argv[2] ?? 1_000_000);
const { url, incidentId } = await ensureScenarioDb(noise);
const db = await openDatabase({ mode: "server", url }, { migrate: true });
let queries: Awaited<ReturnType<typeof benchTimelineQueries>>;
// The page is for members: the browser signs in as the demo analyst (made here if missing).
const password = process.env.DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT;
const analyst = DEMO_ACCOUNTS.find((a) => a.role === "analyst")?.email ?? "";
try {
  queries = await benchTimelineQueries(await getLocalContext(db), incidentId);
  await ensureDemoMemberships(await ensureDemoAccounts(db, password), incidentId);
} finally {
  await db.close();
}
console.log(
  `bucket query, whole incident at 1,500 px: median ${queries.bucketMs.toFixed(1)} ms (${queries.bucketCells} cells; target < 100 ms)`,
);
console.log(
  `raw window ${queries.window.from} – ${queries.window.to}: median ${queries.windowMs.toFixed(1)} ms (${queries.windowEvents} events; target < 50 ms)`,
);

if (!existsSync(".next/BUILD_ID")) execFileSync("npx", ["next", "build"], { stdio: "inherit" });
const port = 3299;
const server: ChildProcess = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
  env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
  stdio: "ignore",
  detached: true,
});
try {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const b = await benchTimelineBrowser(`http://127.0.0.1:${port}`, incidentId, { email: analyst, password });
  console.log(`page load to first full render (warm server): median ${b.loadMs} ms (${b.loads.join(", ")} ms; target < 1,500 ms)`);
  console.log(`zoom step, wheel to painted frame, whole incident drawn: median ${b.zoomFrameMs.toFixed(1)} ms (target < 50 ms)`);
  console.log(`drawing 20,000 marks on the canvas: median ${b.draw20kMs.toFixed(1)} ms (target < 50 ms)`);
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
