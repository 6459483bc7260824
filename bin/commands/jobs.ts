import { getDb } from "@/lib/db";
import { runQueuedJobs } from "@/lib/ingest/import-worker";
import type { Command } from "../command";
import { createProgressBar } from "../progress-bar";

export const jobsRun: Command = {
  path: ["jobs", "run"],
  summary: "Run the queued import jobs (those the app and API queue, and those a stopped server left) until none is left",
  help: [
    "The app's server runs them itself; this runs them in a process of their own, e.g. on another machine",
    "sharing the server database and upload folder. Each job acts as the person who started it.",
  ],
  options: {},
  async run() {
    const db = await getDb();
    let bar: ReturnType<typeof createProgressBar> | null = null;
    const n = await runQueuedJobs(db, {
      onJob: (job) => {
        bar?.done();
        console.error(`job ${job.id}: ${job.fileName} (attempt ${job.attempts})`);
        bar = createProgressBar(job.fileName);
      },
      onProgress: (p) => bar?.update(p),
    });
    (bar as ReturnType<typeof createProgressBar> | null)?.done();
    console.log(`${n} job(s) run`);
    return 0;
  },
};
