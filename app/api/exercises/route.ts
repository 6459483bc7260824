// POST /api/exercises – set a Storm-0558 exercise: { title, trainees: [e-mail], variantMode?, noise?, timeLimitMinutes? };
// 201 with the exercise id and one attempt per trainee. The asker is its instructor.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { createScenarioExercise } from "@/lib/training/create-exercise";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const body = await request.json();
    const { exerciseId, attempts } = await createScenarioExercise(await getRequestContext(), body);
    return json({ exerciseId, attempts: attempts.map((a) => ({ id: a.attemptId, workspaceId: a.workspaceId })) }, 201);
  } catch (err) {
    return errorResponse(err);
  }
}
