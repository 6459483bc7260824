// GET /api/imports/[jobId] – an import job: queued, running, analyzing, done or failed, with its progress
// (bytes, records), summary or error. Jobs are kept in the database, so this answers after a restart too.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { getImportJob } from "@/lib/ingest/import-jobs";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  try {
    const { jobId } = await params;
    const job = await getImportJob(await getRequestContext(), jobId);
    // Someone who may not see the job's incident gets the same answer as for no job (not the incident's id).
    return job ? json(job) : json({ error: `no import job ${jobId}` }, 404);
  } catch (err) {
    return errorResponse(err, "query");
  }
}
