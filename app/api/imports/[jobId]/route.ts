// GET /api/imports/[jobId] – a running or finished import: status, progress (bytes, records), summary or error.

import { can } from "@/lib/access/authorize";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { getImportJob } from "@/lib/ingest/import-jobs";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  try {
    const { jobId } = await params;
    const job = getImportJob(jobId);
    const missing = json({ error: `no import job ${jobId} in this server process` }, 404);
    if (!job) return missing;
    // Someone who may not see the job's incident gets the same answer as for no job (not the incident's id).
    return (await can(await getRequestContext(), job.incidentId, "evidence.view")) ? json(job) : missing;
  } catch (err) {
    return errorResponse(err, "query");
  }
}
