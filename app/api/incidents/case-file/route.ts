// POST /api/incidents/case-file?name=&title= – a case file's bytes (gzipped or not) as the body:
// a new incident made from it, everything or nothing; 201 with its id, title and counts.

import { getRequestContext } from "@/lib/access/request-context";
import { countUpload } from "@/lib/access/upload-limit";
import { readCaseFileLines } from "@/lib/exports/case/case-file-lines";
import { importCaseFile } from "@/lib/exports/case/import-case";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const ctx = await getRequestContext();
    if (!request.body) return json({ error: "empty body: send the case file's bytes" }, 400);
    await countUpload(ctx, null);
    const q = new URL(request.url).searchParams;
    const fileName = (q.get("name") || "case file").slice(0, 200);
    const result = await importCaseFile(ctx, readCaseFileLines(request.body as unknown as AsyncIterable<Uint8Array>), {
      fileName,
      title: q.get("title") ?? undefined,
    });
    return json(result, 201);
  } catch (err) {
    return errorResponse(err);
  }
}
