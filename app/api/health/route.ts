// GET /api/health – database mode (server/embedded), migrations applied and pending, version.
import { getDb } from "@/lib/db";
import { errorResponse, json } from "@/lib/http/json-response";
import { getHealth } from "@/lib/queries/get-health";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const health = await getHealth(await getDb());
    return json(health, health.ok ? 200 : 503);
  } catch (err) {
    return errorResponse(err, "query");
  }
}
