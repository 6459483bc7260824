import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { badQuery, errorResponse } from "./json-response";

describe("error responses", () => {
  const zodError = (() => {
    try {
      z.object({ limit: z.coerce.number().int() }).parse({ limit: "abc" });
    } catch (err) {
      return err;
    }
  })();

  it("answers a bad query value with 400 naming the field, and a bad body with 422", async () => {
    const query = errorResponse(zodError, "query");
    expect(query.status).toBe(400);
    expect(await query.json()).toEqual({ error: "invalid input", issues: [{ field: "limit", reason: expect.any(String) }] });
    expect(errorResponse(zodError).status).toBe(422);
    expect(errorResponse(new InvalidRequestError('format: "nope" is not one of csv, jsonl'), "query").status).toBe(400);
    expect(errorResponse(new InvalidRequestError("bad"), "body").status).toBe(422);
    const cursor = badQuery("cursor", "not a cursor of this listing");
    expect(cursor.status).toBe(400);
    expect(await cursor.json()).toEqual({ error: "invalid input", issues: [{ field: "cursor", reason: "not a cursor of this listing" }] });
  });

  it("keeps 404 for what does not exist, whatever the input", () => {
    expect(errorResponse(new NotFoundError("no event nope"), "query").status).toBe(404);
  });
});
