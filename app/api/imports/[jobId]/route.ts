// GET /api/imports/[jobId] – a running or finished import: status, progress (bytes, records), summary or error.
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { incidentNotFound } from "@/lib/http/require-incident";
import { getImportJob } from "@/lib/ingest/import-jobs";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  try {
    const { jobId } = await params;
    const job = getImportJob(jobId);
    if (!job) return json({ error: `no import job ${jobId} in this server process` }, 404);
    return (await incidentNotFound(await getRequestContext(), job.incidentId, "evidence.view")) ?? json(job);
  } catch (err) {
    return errorResponse(err);
  }
}
