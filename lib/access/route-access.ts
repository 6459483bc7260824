import type { Permission } from "./permissions";

/**
 * Who may use each page and each route handler method: the declaration that proxy.ts enforces
 * for anonymous visitors and that e2e/access/route-tree.spec.ts checks against the app/ tree
 * (a page or handler with no entry here fails that test, and is refused by the proxy).
 *
 * - public: anyone, signed in or not;
 * - signed-in: any account;
 * - admin: the instance admin;
 * - a Permission: a member of the incident in the path whose role grants it (lib/access/permissions.ts);
 *   a non-member gets 404.
 */
export type Access = "public" | "signed-in" | "admin" | Permission;
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Pages, by their app/ route pattern. */
export const PAGE_ACCESS: Record<string, Access> = {
  "/": "signed-in",
  "/sign-in": "public",
  "/setup": "public",
  "/invite/[token]": "public",
  "/account": "signed-in",
  "/admin": "admin",
  "/admin/audit": "admin",
  "/formats": "signed-in",
  "/incidents": "signed-in",
  "/incidents/[id]": "incident.view",
  "/incidents/[id]/audit": "evidence.view",
  "/incidents/[id]/chain": "chain.view",
  "/incidents/[id]/entities": "evidence.view",
  "/incidents/[id]/entities/[entityId]": "evidence.view",
  "/incidents/[id]/events": "evidence.view",
  "/incidents/[id]/import": "evidence.edit",
  "/incidents/[id]/members": "members.manage",
  "/incidents/[id]/settings": "incident.manage",
  "/incidents/[id]/sources": "evidence.view",
  "/incidents/[id]/sources/[sourceId]": "evidence.view",
  "/incidents/[id]/timeline": "evidence.view",
  "/incidents/[id]/brief": "chain.view",
  "/incidents/[id]/replay": "chain.view",
  "/incidents/[id]/replay/[sessionId]": "chain.view",
  "/incidents/[id]/story": "chain.view",
  "/incidents/[id]/story/[storyId]": "chain.view",
  "/action-items": "signed-in",
  // Training: an exercise's pages check their instructor, an attempt's its trainee or instructor (404 otherwise).
  "/training": "signed-in",
  "/training/[exerciseId]": "signed-in",
  "/training/attempts/[attemptId]": "signed-in",
};

/** Route handlers, by pattern and method. */
export const API_ACCESS: Record<string, Partial<Record<Method, Access>>> = {
  "/api/health": { GET: "public" },
  "/api/session": { POST: "public", DELETE: "signed-in" },
  "/api/setup": { POST: "public" },
  "/api/auth/[...all]": { GET: "public", POST: "public" },
  "/api/me": { GET: "signed-in" },
  "/api/me/password": { POST: "signed-in" },
  "/api/invitations/accept": { POST: "public" },
  "/api/admin/users": { GET: "admin", POST: "admin" },
  "/api/admin/users/[userId]": { PATCH: "admin" },
  "/api/admin/settings": { PATCH: "admin" },
  "/api/admin/audit": { GET: "admin" },
  "/api/tokens": { GET: "signed-in", POST: "signed-in" },
  "/api/tokens/[tokenId]": { DELETE: "signed-in" },
  "/api/imports/[jobId]": { GET: "signed-in" },
  "/api/incidents": { GET: "signed-in", POST: "signed-in" },
  "/api/incidents/[id]": { GET: "incident.view", PATCH: "incident.manage", DELETE: "incident.manage" },
  "/api/incidents/case-file": { POST: "signed-in" },
  "/api/action-items": { GET: "signed-in" },
  "/api/exercises": { POST: "signed-in" },
  "/api/tabletops": { POST: "signed-in" },
  "/api/exercises/[exerciseId]/results": { GET: "signed-in" },
  "/api/exercises/[exerciseId]/keys": { GET: "signed-in" },
  "/api/attempts/[attemptId]/start": { POST: "signed-in" },
  "/api/attempts/[attemptId]/answers/[taskId]": { PUT: "signed-in" },
  "/api/attempts/[attemptId]/hints/[taskId]": { POST: "signed-in" },
  "/api/attempts/[attemptId]/submit": { POST: "signed-in" },
  "/api/attempts/[attemptId]/brief-grade": { POST: "signed-in" },
  "/api/incidents/[id]/action-items": { GET: "stories.view", POST: "stories.edit" },
  "/api/incidents/[id]/action-items/[itemId]": { PATCH: "stories.edit" },
  "/api/incidents/[id]/audit": { GET: "evidence.view" },
  "/api/incidents/[id]/chain": { GET: "chain.view" },
  "/api/incidents/[id]/chain/build": { POST: "evidence.edit" },
  "/api/incidents/[id]/chain/export": { GET: "chain.view" },
  "/api/incidents/[id]/brief": { POST: "evidence.edit" },
  "/api/incidents/[id]/brief/export": { GET: "chain.view" },
  "/api/incidents/[id]/chain/steps/[stepId]": { PATCH: "evidence.edit" },
  "/api/incidents/[id]/entities": { GET: "evidence.view" },
  "/api/incidents/[id]/entities/[entityId]": { GET: "evidence.view" },
  "/api/incidents/[id]/events": { GET: "evidence.view" },
  "/api/incidents/[id]/events/[eventId]": { GET: "evidence.view" },
  "/api/incidents/[id]/events/export": { GET: "evidence.view" },
  "/api/incidents/[id]/case-file": { GET: "evidence.view" },
  "/api/incidents/[id]/events/[eventId]/annotations": { GET: "evidence.view" },
  "/api/incidents/[id]/events/annotations": { POST: "evidence.annotate" },
  "/api/incidents/[id]/events/stage": { POST: "evidence.annotate" },
  "/api/incidents/[id]/gaps": { GET: "chain.view" },
  "/api/incidents/[id]/gaps/detect": { POST: "evidence.edit" },
  "/api/incidents/[id]/hypotheses": { GET: "chain.view", POST: "evidence.edit" },
  "/api/incidents/[id]/hypotheses/[hypothesisId]": { PATCH: "evidence.edit" },
  "/api/incidents/[id]/members": { GET: "members.manage", POST: "members.manage" },
  "/api/incidents/[id]/members/[userId]": { PATCH: "members.manage", DELETE: "members.manage" },
  "/api/incidents/[id]/invitations/[invitationId]": { DELETE: "members.manage" },
  "/api/incidents/[id]/replay": { GET: "chain.view", POST: "evidence.edit" },
  "/api/incidents/[id]/replay/[sessionId]": { GET: "chain.view" },
  "/api/incidents/[id]/replay/[sessionId]/clock": { POST: "evidence.edit" },
  "/api/incidents/[id]/replay/[sessionId]/decisions": { POST: "evidence.edit" },
  "/api/incidents/[id]/replay/[sessionId]/injects": { POST: "evidence.edit" },
  "/api/incidents/[id]/rules": { GET: "rules.view", POST: "evidence.edit" },
  "/api/incidents/[id]/rules/run": { POST: "evidence.edit" },
  "/api/incidents/[id]/sources": { GET: "evidence.view", POST: "evidence.edit" },
  "/api/incidents/[id]/sources/[sourceId]": { DELETE: "evidence.edit" },
  "/api/incidents/[id]/sources/[sourceId]/issues": { GET: "evidence.view" },
  "/api/incidents/[id]/stages": { GET: "chain.view", POST: "evidence.edit", PUT: "evidence.edit" },
  "/api/incidents/[id]/stages/[key]": { PATCH: "evidence.edit" },
  "/api/incidents/[id]/stories": { GET: "chain.view", POST: "stories.edit" },
  "/api/incidents/[id]/stories/[storyId]": { GET: "chain.view" },
  "/api/incidents/[id]/stories/[storyId]/citations": { POST: "stories.edit" },
  "/api/incidents/[id]/stories/[storyId]/export": { GET: "chain.view" },
  "/api/incidents/[id]/stories/[storyId]/versions/[versionId]": { PUT: "stories.edit" },
  "/api/incidents/[id]/stories/[storyId]/versions/[versionId]/draft": { POST: "stories.edit" },
  "/api/incidents/[id]/stories/[storyId]/versions/[versionId]/review": { POST: "stories.edit" },
  "/api/incidents/[id]/timeline": { GET: "evidence.view" },
  "/api/incidents/[id]/timeline/export": { GET: "evidence.view" },
  "/api/incidents/[id]/uploads": { POST: "evidence.edit" },
  "/api/incidents/[id]/uploads/[uploadId]/preview": { POST: "evidence.edit" },
};

/** A route pattern as a regular expression over a URL path: [x] is one segment, [...x] one or more. */
export function patternRegex(pattern: string): RegExp {
  const body = pattern
    .split("/")
    .map((seg) =>
      /^\[\.\.\.[^\]]+\]$/.test(seg) ? "[^?#]+" : /^\[[^\]]+\]$/.test(seg) ? "[^/?#]+" : seg.replace(/[.*+?^${}()|\\]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${body === "" ? "/" : body}/?$`);
}

// Static segments win over dynamic ones (as in Next.js): most specific pattern first.
function specificity(pattern: string): number {
  return pattern.split("/").reduce((n, seg) => n * 3 + (seg.startsWith("[...") ? 0 : seg.startsWith("[") ? 1 : 2), 0);
}
const PAGE_PATTERNS = Object.keys(PAGE_ACCESS)
  .map((p) => ({ p, re: patternRegex(p), s: specificity(p) }))
  .sort((a, b) => b.p.split("/").length - a.p.split("/").length || b.s - a.s);
const API_PATTERNS = Object.keys(API_ACCESS)
  .map((p) => ({ p, re: patternRegex(p), s: specificity(p) }))
  .sort((a, b) => b.p.split("/").length - a.p.split("/").length || b.s - a.s);

/** The declared access for a request, or null when nothing is declared for it (refused). */
export function accessFor(method: string, pathname: string): { pattern: string; access: Access } | null {
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  const found = (isApi ? API_PATTERNS : PAGE_PATTERNS).find(({ re }) => re.test(pathname));
  if (!found) return null;
  if (!isApi) return { pattern: found.p, access: PAGE_ACCESS[found.p] as Access };
  const m = (method === "HEAD" ? "GET" : method) as Method;
  const access = API_ACCESS[found.p]?.[m];
  return access ? { pattern: found.p, access } : null;
}
