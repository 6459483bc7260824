// POST /api/attempts/[attemptId]/hints/[taskId] – the task's next hint, at its cost.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { takeHint } from "@/lib/training/answers";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ attemptId: string; taskId: string }> }) {
  try {
    const { attemptId, taskId } = await params;
    return json(await takeHint(await getRequestContext(), attemptId, taskId));
  } catch (err) {
    return errorResponse(err);
  }
}
