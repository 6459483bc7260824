import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { Ctx } from "@/lib/context/ctx";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { NotFoundError } from "@/lib/errors/not-found";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import { assertAdmin, authorize } from "./authorize";
import { contextFromHeaders } from "./context-from-headers";
import type { IncidentRole, Permission } from "./permissions";
import { METHOD_HEADER, PATH_HEADER } from "./request-headers";
import { accessFor } from "./route-access";

/** The incident a path is about (/incidents/<id>/… or /api/incidents/<id>/…), if any. */
function incidentIdOf(pathname: string): string | null {
  return /^(?:\/api)?\/incidents\/([^/?#]+)/.exec(pathname)?.[1] ?? null;
}

/**
 * Who is asking, for route handlers and server actions, after the request's declared access
 * (lib/access/route-access.ts) is checked: throws UnauthenticatedError (401) when nobody is
 * signed in, NotFoundError (404) when the incident in the path is not the actor's to see in this
 * way, ForbiddenError (403) when they may see it but not do this. So a handler cannot forget the
 * check, and refuses before it reads its input.
 */
export async function getRequestContext(): Promise<Ctx> {
  const h = await headers();
  const method = h.get(METHOD_HEADER) ?? "GET";
  const path = h.get(PATH_HEADER) ?? "";
  const ctx = await contextFromHeaders(h, { method, path });
  const pathname = path.split("?")[0] ?? "";
  const declared = pathname ? accessFor(method, pathname) : null;
  if (declared?.access === "admin") assertAdmin(ctx, method === "GET" ? "read" : "write");
  else if (declared && declared.access !== "public" && declared.access !== "signed-in") {
    const incidentId = incidentIdOf(pathname);
    if (incidentId) await authorize(ctx, incidentId, declared.access);
  }
  return ctx;
}

/**
 * Who is asking, for pages: a visitor who is not signed in is sent to sign in (and back here
 * after); one whose role may not open the page gets the 404 page, exactly as for an incident that
 * does not exist.
 */
export async function getPageContext(): Promise<Ctx> {
  try {
    return await getRequestContext();
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof ForbiddenError) notFound();
    if (!(err instanceof UnauthenticatedError)) throw err;
    const path = (await headers()).get(PATH_HEADER);
    redirect(path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
  }
}

/** For an incident's pages: who is asking and their role on it, checked for this page's permission. */
export async function getIncidentPageContext(incidentId: string, permission: Permission): Promise<{ ctx: Ctx; role: IncidentRole }> {
  const ctx = await getPageContext();
  try {
    const role = await authorize(ctx, incidentId, permission);
    return { ctx, role };
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof ForbiddenError) notFound();
    throw err;
  }
}
