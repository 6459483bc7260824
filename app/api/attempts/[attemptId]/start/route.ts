// POST /api/attempts/[attemptId]/start – the trainee starts the clock.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { startAttempt } from "@/lib/training/answers";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  try {
    const { attemptId } = await params;
    return json(await startAttempt(await getRequestContext(), attemptId));
  } catch (err) {
    return errorResponse(err);
  }
}
