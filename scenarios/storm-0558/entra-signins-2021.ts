// entra-signins-2021.json: the engineer's Entra ID sign-ins in 2021 as Microsoft Graph (beta)
// returns them: {"value":[…]}, newest first, one record a line. Months of ordinary use from the
// corporate network; then sign-ins from unfamiliar infrastructure in another country and ASN,
// non-interactive, carrying the uniqueTokenIdentifier of a session the engineer opened earlier.

import { CORP_EGRESS, ENGINEER, HOME_ISP, REPLAY_INFRA } from "./cast";
import { type FileResult, type FileSpec, produce, type Rec } from "./output";
import { createRng, type Rng, stableUuid } from "./random";
import { CAPTURED_TOKENS, REPLAY_SESSIONS } from "./story-2021";
import { at, backgroundTimes, iso, OFFICE_HOURS_US_WEST, SECOND } from "./time";

export const SPEC: FileSpec = {
  file: "entra-signins-2021.json",
  format: "entra-signin-json",
  description: 'Entra ID sign-ins of the engineer account, Microsoft Graph beta JSON ({"value":[…]}, newest first, one record a line)',
  layout: { kind: "json-array", header: '{"value":[\n', footer: "]}", descending: true, tsDigits: 0 },
};

const WINDOW = { start: at("2021-01-04T00:00:00Z"), end: at("2021-09-01T00:00:00Z") };

const APPS = [
  { appId: "d3590ed6-52b3-4102-aeff-aad2292ab01c", name: "Microsoft Office", resource: "Office 365 Exchange Online", weight: 4 },
  { appId: "1fec8e78-bce4-4aaf-ab1b-5451cc387264", name: "Microsoft Teams", resource: "Microsoft Teams Services", weight: 4 },
  {
    appId: "00000003-0000-0ff1-ce00-000000000000",
    name: "Office 365 SharePoint Online",
    resource: "Office 365 SharePoint Online",
    weight: 3,
  },
  { appId: "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", name: "Azure Portal", resource: "Windows Azure Service Management API", weight: 2 },
] as const;
type App = (typeof APPS)[number];
const SHAREPOINT = APPS[2];

const ENGINEER_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.93 Safari/537.36 Edg/90.0.818.51";
const REPLAY_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.85 Safari/537.36";
const FAILURES = [
  [50126, "Error validating credentials due to invalid username or password."],
  [50074, "Strong Authentication is required."],
  [50140, "This error occurred due to 'Keep me signed in' interrupt when the user was signing in."],
] as const;

type Place = { ip: string; city: string; region: string; country: string; asn: number };
type SignIn = {
  id: string;
  t: number;
  app: App;
  place: Place;
  interactive: boolean;
  uti: string;
  ua: string;
  error?: readonly [number, string];
  correlationId: string;
};

function render(s: SignIn): string {
  return JSON.stringify({
    id: s.id,
    createdDateTime: iso(s.t, 0),
    userDisplayName: ENGINEER.displayName,
    userPrincipalName: ENGINEER.upn,
    userId: ENGINEER.userId,
    appId: s.app.appId,
    appDisplayName: s.app.name,
    ipAddress: s.place.ip,
    autonomousSystemNumber: s.place.asn,
    clientAppUsed: s.app.name === "Microsoft Office" && !s.interactive ? "Mobile Apps and Desktop clients" : "Browser",
    userAgent: s.ua,
    correlationId: s.correlationId,
    uniqueTokenIdentifier: s.uti,
    isInteractive: s.interactive,
    signInEventTypes: [s.interactive ? "interactiveUser" : "nonInteractiveUser"],
    tokenIssuerType: "AzureAD",
    resourceDisplayName: s.app.resource,
    conditionalAccessStatus: s.interactive ? "success" : "notApplied",
    riskState: "none",
    status: s.error ? { errorCode: s.error[0], failureReason: s.error[1] } : { errorCode: 0, failureReason: "Other." },
    deviceDetail: {
      operatingSystem: "Windows 10",
      browser: s.ua === REPLAY_UA ? "Chrome 90.0.4430" : "Edge 90.0.818",
      isCompliant: s.ua !== REPLAY_UA,
      isManaged: s.ua !== REPLAY_UA,
    },
    location: { city: s.place.city, state: s.place.region, countryOrRegion: s.place.country },
  });
}

function story(): Rec[] {
  const recs: Rec[] = [];
  const corp = CORP_EGRESS[0];
  for (const c of CAPTURED_TOKENS) {
    const s: SignIn = {
      id: c.id,
      t: at(c.at),
      app: SHAREPOINT,
      place: corp,
      interactive: true,
      uti: c.uti,
      ua: ENGINEER_UA,
      correlationId: stableUuid(`${c.ref}:corr`),
    };
    recs.push({
      t: s.t,
      key: {
        ref: c.ref,
        stage: "account-compromise",
        summary: "engineer's own interactive sign-in from the corporate network; its token identifier is replayed later",
        nativeIdField: "id",
        nativeId: s.id,
        match: { userPrincipalName: ENGINEER.upn, uniqueTokenIdentifier: c.uti, isInteractive: true, ipAddress: corp.ip },
      },
      render: () => render(s),
    });
  }
  REPLAY_SESSIONS.forEach((session, i) => {
    const token = CAPTURED_TOKENS[session.token];
    if (!token) throw new Error("unknown captured token");
    const apps = [SHAREPOINT, APPS[0], SHAREPOINT];
    apps.forEach((app, j) => {
      const ref = `replay.${i + 1}.${j + 1}`;
      const s: SignIn = {
        id: stableUuid(`signin:${ref}`),
        t: at(session.at) + j * (47 * SECOND) + j * j * 311_000,
        app,
        place: REPLAY_INFRA,
        interactive: false,
        uti: token.uti,
        ua: REPLAY_UA,
        correlationId: stableUuid(`${ref}:corr`),
      };
      recs.push({
        t: s.t,
        key: {
          ref,
          stage: "account-compromise",
          summary: `token replay: non-interactive ${app.name} sign-in from ${REPLAY_INFRA.ip} (${REPLAY_INFRA.country}, AS${REPLAY_INFRA.asn}) reusing token ${token.uti}`,
          nativeIdField: "id",
          nativeId: s.id,
          match: { userPrincipalName: ENGINEER.upn, uniqueTokenIdentifier: token.uti, isInteractive: false, ipAddress: REPLAY_INFRA.ip },
        },
        render: () => render(s),
      });
    });
  });
  return recs;
}

function* background(rng: Rng, budget: number): Generator<Rec> {
  for (const t of backgroundTimes(rng, WINDOW.start, WINDOW.end, budget, OFFICE_HOURS_US_WEST, true)) {
    const place = rng.chance(0.12) ? HOME_ISP : rng.pick(CORP_EGRESS);
    const interactive = rng.chance(0.3);
    const s: SignIn = {
      id: rng.uuid(),
      t,
      app: rng.weighted(APPS.map((a) => [a, a.weight] as const)),
      place,
      interactive,
      uti: rng.b64url(22),
      ua: ENGINEER_UA,
      correlationId: rng.uuid(),
      ...(interactive && rng.chance(0.04) ? { error: rng.pick(FAILURES) } : {}),
    };
    yield { t, render: () => render(s) };
  }
}

export async function writeEntraSignins2021(dir: string, seed: number, budget: number): Promise<FileResult> {
  return produce(dir, SPEC, story(), background(createRng(seed, SPEC.file), budget));
}
