import { type APIRequestContext, expect, test } from "@playwright/test";
import { API_ACCESS, PAGE_ACCESS } from "../../lib/access/route-access";
import { STAGE_SETS } from "../../lib/chain/stages";
import { storageStateOf } from "../fixtures/auth";

// Answers stay on the server. As a trainee working an exercise (started, not submitted), this asks
// for every page and every GET route in the route tree, filled with the trainee's own ids (their
// workspace, its events, entities and sources, their attempt) and the exercise's, and fetches every
// client bundle those pages load. None of the responses may hold a value of the trainee's answer
// key that their evidence does not already hold: the answer key's texts (key events' summaries,
// hints not taken, the rationale, the gaps' scopes) and its field names. Values the evidence holds
// (the AppId, the key id, the addresses, event times, file names) are what the trainee is asked to
// find, so they are not secrets. Writes are not sent: a hint bought is a hint given.

const ZERO = "00000000-0000-4000-8000-000000000000";

/** Every string in a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Whether a body holds a text as written, JSON-escaped or HTML-escaped. */
function holds(body: string, s: string): boolean {
  const html = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  return [s, JSON.stringify(s).slice(1, -1), html].some((form) => body.includes(form));
}

async function text(ctx: APIRequestContext, url: string): Promise<string> {
  const res = await ctx.get(url, { maxRedirects: 0 });
  return res.text();
}

test("[TRAINING] [ACCESS] nothing a trainee can get before submitting holds an answer", async ({ playwright, baseURL }) => {
  test.setTimeout(240_000);
  const as = (who: "instructor" | "trainee2") => playwright.request.newContext({ baseURL, storageState: storageStateOf(who) });
  const instructor = await as("instructor");
  const trainee = await as("trainee2");
  const made = await instructor.post("/api/exercises", {
    data: { title: `Leak check ${Date.now()}`, trainees: ["trainee2@chainline.test"], noise: 100 },
  });
  expect(made.status()).toBe(201);
  const { exerciseId } = (await made.json()) as { exerciseId: string };
  const keysBody = await text(instructor, `/api/exercises/${exerciseId}/keys`);
  const [mine] = JSON.parse(keysBody).attempts as { attemptId: string; workspaceId: string; key: Record<string, unknown> }[];
  if (!mine) throw new Error("no attempt");
  expect((await trainee.post(`/api/attempts/${mine.attemptId}/start`)).status()).toBe(200);

  // What the trainee's evidence holds, and the tagging vocabulary every workspace shows.
  const ws = `/api/incidents/${mine.workspaceId}`;
  const evidence = [
    await text(trainee, `${ws}/events/export?format=jsonl`),
    await text(trainee, `${ws}/entities`),
    await text(trainee, `${ws}/sources`),
    ...STAGE_SETS["storm-0558"].flatMap((s) => [s.key, s.name]),
  ].join("\n");
  const { replacements: _shown, ...key } = mine.key;
  const secrets = [
    ...new Set(strings(key).filter((s) => s.length >= 12 && !/^\d{4}-\d{2}-\d{2}T/.test(s) && !evidence.includes(s))),
    '"stageTags":',
    '"chainOrder":',
    '"accepted":[',
  ];
  // The check is not empty, and it finds what it looks for: the instructor's own key response holds them all.
  expect(secrets.length).toBeGreaterThan(20);
  for (const s of secrets) expect(holds(keysBody, s), s).toBe(true);

  // Sample ids for every [param], the trainee's own where they have one.
  const first = async (path: string, field: string) => ((await (await trainee.get(`${ws}${path}`)).json())[field] ?? [])[0]?.id ?? ZERO;
  const params: Record<string, string> = {
    id: mine.workspaceId,
    attemptId: mine.attemptId,
    exerciseId,
    eventId: await first("/events?limit=1", "events"),
    entityId: await first("/entities", "entities"),
    sourceId: await first("/sources", "sources"),
    key: "token-forgery",
    taskId: "kid",
    token: "clinv_no-such-invitation",
    "...all": "sign-in/social",
  };
  const fill = (pattern: string) => pattern.replace(/\[([^\]]+)\]/g, (_m, name: string) => params[name] ?? ZERO);

  const bodies = new Map<string, string>();
  for (const pattern of Object.keys(PAGE_ACCESS)) bodies.set(fill(pattern), await text(trainee, fill(pattern)));
  for (const [pattern, methods] of Object.entries(API_ACCESS))
    if (methods.GET) bodies.set(fill(pattern), await text(trainee, fill(pattern)));
  // The client bundles those pages load (script tags and the chunks the RSC payload names).
  const bundles = new Set<string>();
  for (const body of bodies.values()) for (const m of body.matchAll(/\/_next\/static\/[^"'\s\\)]+?\.js/g)) bundles.add(m[0]);
  expect(bundles.size).toBeGreaterThan(5);
  for (const b of bundles) bodies.set(b, await text(trainee, b));
  // The attempt page itself was read as the trainee (not a 404).
  expect(bodies.get(`/training/attempts/${mine.attemptId}`)).toContain("Which key signed the forged tokens?");

  const leaks = [...bodies].flatMap(([url, body]) => secrets.filter((s) => holds(body, s)).map((s) => `${url}: ${s}`));
  expect(leaks).toEqual([]);
});
