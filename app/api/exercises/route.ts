// POST /api/exercises – set an exercise: from the Storm-0558 scenario { title, trainees: [e-mail], variantMode?, noise?,
// timeLimitMinutes? }, or from a reviewed incident { title, trainees, incidentId, timeLimitMinutes? }; 201 with the
// exercise id and one attempt per trainee. The asker is its instructor.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { createExercise } from "@/lib/training/create-any-exercise";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const body = await request.json();
    const { exerciseId, attempts } = await createExercise(await getRequestContext(), body);
    return json({ exerciseId, attempts: attempts.map((a) => ({ id: a.attemptId, workspaceId: a.workspaceId })) }, 201);
  } catch (err) {
    return errorResponse(err);
  }
}
