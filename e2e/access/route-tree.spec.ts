import { type APIRequest, type APIRequestContext, expect, test } from "@playwright/test";
import { isVisibility, PERMISSIONS, type Permission } from "../../lib/access/permissions";
import { type Access, API_ACCESS, PAGE_ACCESS } from "../../lib/access/route-access";
import { routeTree } from "../../lib/access/route-tree";
import { type AccountKey, storageStateOf } from "../fixtures/auth";
import { demoIncidentId } from "../fixtures/demo-incident";
import { publishedStory } from "../fixtures/published-story";

// Walks the route tree itself (app/), so a page or handler added without an access declaration
// fails here (and in lib/access/route-access.test.ts). Every page and every handler method is asked
// for: anonymously (refused), by an account that is not a member (404 for anything of an incident),
// and by each role (what it may see it gets; what it may not see is a 404, what it may not do a 403).

const ROLE_OF: Record<Exclude<AccountKey, "instructor" | "trainee" | "trainee2">, keyof typeof ROLES> = {
  admin: "owner",
  analyst: "analyst",
  viewer: "viewer",
  executive: "executive",
};
const ROLES = { owner: 0, analyst: 0, viewer: 0, executive: 0 } as const;
const isIncidentPermission = (a: Access): a is Permission => a in PERMISSIONS;

async function as(playwright: { request: APIRequest }, baseURL: string, who: AccountKey | null): Promise<APIRequestContext> {
  return playwright.request.newContext({
    baseURL,
    storageState: who ? storageStateOf(who) : { cookies: [], origins: [] },
    maxRedirects: 0,
  });
}

/** Real ids from the demo incident for every [param] in the tree, so a refusal is about access, not a missing row. */
async function paramsFor(admin: APIRequestContext, analyst: APIRequestContext): Promise<Record<string, string>> {
  const id = await demoIncidentId(admin);
  // A published story, so that every role that may read stories (executives too) gets one.
  const story = await publishedStory(admin, analyst, id);
  const get = async (path: string) => (await admin.get(`/api/incidents/${id}${path}`)).json();
  const chain = await get("/chain");
  const members = await get("/members");
  // A replay session on the demo incident (made once; later runs find it).
  const sessions = (await get("/replay")).sessions as { id: string; title: string }[];
  const sessionId =
    sessions.find((x) => x.title === "Route check replay")?.id ??
    (await (await admin.post(`/api/incidents/${id}/replay`, { data: { title: "Route check replay" } })).json()).id;
  return {
    id,
    entityId: (await get("/entities")).entities[0].id,
    sourceId: (await get("/sources")).sources[0].id,
    eventId: (await get("/events?limit=1")).events[0].id,
    stepId: chain.steps[0].id,
    hypothesisId: (await get("/hypotheses")).hypotheses[0].id,
    key: chain.stages[0].key,
    userId: members.members.find((m: { email: string }) => m.email === "analyst@chainline.test").id,
    sessionId,
    uploadId: "no-such-upload",
    jobId: "00000000-0000-4000-8000-000000000000",
    tokenId: "00000000-0000-4000-8000-000000000000",
    invitationId: "00000000-0000-4000-8000-000000000000",
    token: "clinv_no-such-invitation",
    // Training routes are "signed-in" and check the exercise's instructor or the attempt's trainee inside.
    exerciseId: "00000000-0000-4000-8000-000000000000",
    attemptId: "00000000-0000-4000-8000-000000000000",
    taskId: "tags",
    ...story,
    "...all": "sign-in/social",
  };
}

function fill(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no sample value for [${name}] in ${pattern}: add one to paramsFor()`);
    return v;
  });
}

/** The tree, real ids, and a request context per visitor: anonymous, a non-member, and each role. */
async function visitors(playwright: { request: APIRequest }, baseURL: string) {
  const admin = await as(playwright, baseURL, "admin");
  const roles = await Promise.all(
    Object.entries(ROLE_OF).map(async ([who, role]) => ({ role, ctx: await as(playwright, baseURL, who as AccountKey) })),
  );
  return {
    tree: routeTree(),
    admin,
    params: await paramsFor(admin, roles.find((r) => r.role === "analyst")?.ctx ?? admin),
    anon: await as(playwright, baseURL, null),
    outsider: await as(playwright, baseURL, "instructor"),
    roles,
  };
}

test.describe("[ACCESS] the route tree", () => {
  // Each walks every page or route as every role: about 20 s on a fast machine, 30 s and more on a slow one.
  test.setTimeout(120_000);
  test("every page: anonymous visitors are sent to sign in, non-members get 404, each role sees what it may", async ({
    playwright,
    baseURL,
  }) => {
    const { tree, admin, params, anon, outsider, roles } = await visitors(playwright, baseURL as string);
    for (const pattern of tree.pages) {
      const access = PAGE_ACCESS[pattern];
      expect(access, `${pattern} has no access declaration in lib/access/route-access.ts`).toBeDefined();
      const url = fill(pattern, params);
      const a = await anon.get(url);
      if (access === "public") expect(a.headers().location ?? "", `${url} is public`).not.toContain("next=");
      else {
        expect(a.status(), `anonymous ${url}`).toBe(303);
        expect(a.headers().location, `anonymous ${url}`).toMatch(/^\/sign-in/);
      }
      if (access === "admin") {
        expect((await outsider.get(url)).status(), `non-admin ${url}`).toBe(404);
        expect((await admin.get(url)).status(), `admin ${url}`).toBe(200);
      }
      if (access && isIncidentPermission(access)) {
        expect((await outsider.get(url)).status(), `non-member ${url}`).toBe(404);
        for (const { role, ctx } of roles) {
          const allowed = (PERMISSIONS[access] as readonly string[]).includes(role);
          expect((await ctx.get(url)).status(), `${role} ${url}`).toBe(allowed ? 200 : 404);
        }
      }
    }
  });

  test("every route handler method: anonymous 401, non-members 404, roles refused 404 or 403 as declared", async ({
    playwright,
    baseURL,
  }) => {
    const { tree, params, anon, outsider, roles } = await visitors(playwright, baseURL as string);
    const send = (ctx: APIRequestContext, method: string, url: string) =>
      ctx.fetch(url, { method, data: method === "GET" ? undefined : {} });
    for (const [pattern, methods] of Object.entries(tree.handlers)) {
      for (const method of methods) {
        const access = API_ACCESS[pattern]?.[method as keyof (typeof API_ACCESS)[string]];
        expect(access, `${method} ${pattern} has no access declaration in lib/access/route-access.ts`).toBeDefined();
        const url = fill(pattern, params);
        const label = `${method} ${url}`;
        const a = await send(anon, method, url);
        if (access === "public") expect(a.status(), `anonymous ${label} is public`).not.toBe(401);
        else expect(a.status(), `anonymous ${label}`).toBe(401);
        if (access === "admin") expect((await send(outsider, method, url)).status(), `non-admin ${label}`).toBe(403);
        if (!access || !isIncidentPermission(access)) continue;
        expect((await send(outsider, method, url)).status(), `non-member ${label}`).toBe(404);
        for (const { role, ctx } of roles) {
          const allowed = (PERMISSIONS[access] as readonly string[]).includes(role);
          const seesIncident = (PERMISSIONS["incident.view"] as readonly string[]).includes(role);
          // Allowed writes would change the demo incident: only the refusals are sent.
          if (allowed && method !== "GET") continue;
          const status = (await send(ctx, method, url)).status();
          if (allowed) expect(status, `${role} ${label}`).toBe(200);
          else expect(status, `${role} ${label}`).toBe(!seesIncident || isVisibility(access) ? 404 : 403);
        }
      }
    }
  });
});
