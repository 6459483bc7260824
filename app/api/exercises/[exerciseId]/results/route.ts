// GET /api/exercises/[exerciseId]/results – the exercise's results as CSV (its instructor only; 404 to anyone else).

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse } from "@/lib/http/json-response";
import { getExerciseDashboard } from "@/lib/training/dashboard";
import { resultsCsv } from "@/lib/training/results-csv";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ exerciseId: string }> }) {
  try {
    const { exerciseId } = await params;
    const dashboard = await getExerciseDashboard(await getRequestContext(), exerciseId);
    return new Response(resultsCsv(dashboard), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="exercise-${dashboard.id}-results.csv"`,
      },
    });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
