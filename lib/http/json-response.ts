import { ZodError } from "zod";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { ConflictError } from "@/lib/errors/conflict";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { TooManyRequestsError } from "@/lib/errors/too-many-requests";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import { FormatError } from "@/lib/ingest/detect";
import { ImportRefusedError } from "@/lib/ingest/file-input";
import { UploadTooLargeError } from "@/lib/ingest/uploads";

/** JSON that may hold BigInts (event ids) and Dates. */
export function json(body: unknown, status = 200): Response {
  return new Response(
    JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
    {
      status,
      headers: { "content-type": "application/json; charset=utf-8" },
    },
  );
}

/** A query value the route refuses: 400, naming the field. */
export function badQuery(field: string, reason: string): Response {
  return json({ error: "invalid input", issues: [{ field, reason }] }, 400);
}

/**
 * Maps an error to a response: for bad input 400 when it came in the query (a GET's only input) and
 * 422 when in the body, with field and reason either way; 503 for no database.
 */
export function errorResponse(err: unknown, from: "query" | "body" = "body"): Response {
  const bad = from === "query" ? 400 : 422;
  if (err instanceof ZodError) {
    return json({ error: "invalid input", issues: err.issues.map((i) => ({ field: i.path.join("."), reason: i.message })) }, bad);
  }
  if (err instanceof SyntaxError) return json({ error: `request body is not JSON: ${err.message}` }, 400);
  if (err instanceof DatabaseUnavailableError) return json({ error: err.message }, 503);
  if (err instanceof NotFoundError) return json({ error: err.message }, 404);
  if (err instanceof UnauthenticatedError) return json({ error: err.message }, 401);
  if (err instanceof ForbiddenError) return json({ error: err.message }, 403);
  if (err instanceof TooManyRequestsError) {
    const res = json({ error: err.message, retryAfter: err.retryAfter }, 429);
    res.headers.set("Retry-After", String(err.retryAfter));
    return res;
  }
  if (err instanceof InvalidRequestError) return json({ error: err.message }, bad);
  if (err instanceof ConflictError) return json({ error: err.message, current: err.current }, 409);
  if (err instanceof ImportRefusedError || err instanceof FormatError) return json({ error: err.message }, 422);
  if (err instanceof UploadTooLargeError) return json({ error: err.message }, 413);
  console.error(err);
  return json({ error: "internal error" }, 500);
}
