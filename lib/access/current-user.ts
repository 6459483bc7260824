import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/context/ctx";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import { contextFromHeaders } from "./context-from-headers";

/** The signed-in user for the page header, or null for a visitor (never throws for "not signed in"). */
export async function currentActor(): Promise<Actor | null> {
  try {
    return (await contextFromHeaders(await headers(), { method: "GET", path: "" })).actor;
  } catch (err) {
    if (err instanceof UnauthenticatedError) return null;
    throw err;
  }
}
