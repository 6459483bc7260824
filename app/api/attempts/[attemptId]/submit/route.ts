// POST /api/attempts/[attemptId]/submit – the trainee hands in; answers with the scored result.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { submitAttempt } from "@/lib/training/submit-attempt";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  try {
    const { attemptId } = await params;
    return json(await submitAttempt(await getRequestContext(), attemptId));
  } catch (err) {
    return errorResponse(err);
  }
}
