// GET /api/exercises/[exerciseId]/keys – each attempt's answer key (its instructor only; 404 to anyone else).

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { instructorKeys } from "@/lib/training/instructor-keys";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ exerciseId: string }> }) {
  try {
    const { exerciseId } = await params;
    return json({ attempts: await instructorKeys(await getRequestContext(), exerciseId) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
