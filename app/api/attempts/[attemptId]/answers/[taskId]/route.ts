// PUT /api/attempts/[attemptId]/answers/[taskId] – the trainee answers a task; an exact question says whether the try was right.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { answerTask } from "@/lib/training/answers";

export const dynamic = "force-dynamic";

export async function PUT(request: Request, { params }: { params: Promise<{ attemptId: string; taskId: string }> }) {
  try {
    const { attemptId, taskId } = await params;
    return json(await answerTask(await getRequestContext(), attemptId, taskId, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
