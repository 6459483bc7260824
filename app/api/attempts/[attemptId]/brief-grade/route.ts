// POST /api/attempts/[attemptId]/brief-grade – the instructor grades the brief: { points, comment }.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { gradeBrief } from "@/lib/training/submit-attempt";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  try {
    const { attemptId } = await params;
    return json(await gradeBrief(await getRequestContext(), attemptId, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
