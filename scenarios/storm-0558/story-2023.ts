// The 2023 half of the story, shared by the token-validation log, the mailbox audit log and the
// response log: which mailboxes the actor opened, when, from where, with which forged tokens.
// Dates follow the public record (first access 15 May, a Commerce-like bureau on 6 June,
// detection 16 June, renewal blocked 26 June, key blocked 27 June, replaced 29 June, last
// infrastructure 4 July); mailboxes, hours and counts are invented, drawn from a fixed stream.

import { ACTOR_APP, DETECTING_VICTIM, VICTIMS, type Victim } from "./cast";
import { IOC_IPS } from "./facts";
import { createRng, stableB64url, stableUuid } from "./random";
import { at, DAY, HOUR, MINUTE, SECOND } from "./time";

export type Bind = { id: string; t: number; folders: { path: string; items: number }[] };
export type ActorSession = {
  ref: string;
  victim: Victim;
  upn: string;
  mailboxGuid: string;
  sessionId: string;
  ip: string;
  start: number;
  tokenRequestId: string;
  uti: string;
  binds: Bind[];
  /** A GetAccessTokenForResource renewal in the middle of the session, if any. */
  renewal: { t: number; requestId: string } | null;
};
export type RejectedAttempt = {
  ref: string;
  t: number;
  victim: Victim;
  upn: string;
  ip: string;
  api: string;
  sigValid: boolean;
  reason: string;
  requestId: string;
};

/** When each mailbox was first opened (Fabrikam's six before 19 June, two more on 21–24 June). */
const FIRST_ACCESS: Record<string, string> = {
  "k.osei": "2023-05-15",
  "a.varga": "2023-05-17",
  "m.halvorsen": "2023-05-18",
  "h.lindgren": "2023-05-22",
  "r.castellano": "2023-05-23",
  "n.oyelaran": "2023-05-26",
  "t.nakamura": "2023-05-30",
  "c.ferreira": "2023-06-01",
  "p.dubois": "2023-06-05",
  "e.brandt": "2023-06-06",
  "d.kowalczyk": "2023-06-09",
  "s.ahmadi": "2023-06-12",
  "b.okafor": "2023-06-14",
  "j.whitfield": "2023-06-21",
  "l.moreau": "2023-06-23",
};
/** Sessions the detection needs: the Fabrikam records the SIEM rule fired on. */
const FORCED = [
  { user: "k.osei", at: "2023-06-15T21:36:02.418Z" },
  { user: "m.halvorsen", at: "2023-06-16T01:18:44.902Z" },
];

export const CAMPAIGN_FIXES = {
  renewalBlockedAt: "2023-06-26T17:00:00Z",
  owaKeyBlockedAt: "2023-06-27T15:30:00Z",
  keyRevokedAt: "2023-06-29T12:00:00Z",
  lastAccessBefore: "2023-06-26T12:00:00Z",
} as const;

const FOLDERS = ["\\Inbox", "\\Sent Items", "\\Inbox\\Policy", "\\Archive", "\\Drafts", "\\Inbox\\Travel"] as const;

function ipFor(t: number): string {
  if (t < at("2023-05-29T00:00:00Z")) return IOC_IPS.first;
  if (t < at("2023-06-05T00:00:00Z")) return Math.floor(t / DAY) % 2 === 0 ? IOC_IPS.first : IOC_IPS.second;
  return IOC_IPS.second;
}

let cache: { sessions: ActorSession[]; rejected: RejectedAttempt[] } | undefined;

/** The actor's sessions (time order) and its rejected attempts after the fixes. Seed-independent. */
export function campaign(): { sessions: ActorSession[]; rejected: RejectedAttempt[] } {
  if (cache) return cache;
  const rng = createRng(558, "story:campaign");
  const starts: { victim: Victim; user: string; t: number }[] = [];
  const end = at(CAMPAIGN_FIXES.lastAccessBefore);
  for (const victim of VICTIMS) {
    for (const user of victim.mailboxes) {
      const first = FIRST_ACCESS[user];
      if (!first) throw new Error(`no first access for ${user}`);
      // 00:00–10:00 UTC: the actor's working day.
      let t =
        at(`${first}T00:00:00Z`) +
        (user === "k.osei" ? 2 * HOUR + 47 * MINUTE + 18 * SECOND : rng.between(0, 10 * 3600 - 1) * SECOND) +
        rng.int(SECOND);
      while (t < end) {
        starts.push({ victim, user, t });
        t = Math.floor(t / DAY) * DAY + rng.between(4, 8) * DAY + rng.between(0, 10 * 3600 - 1) * SECOND + rng.int(SECOND);
      }
    }
  }
  for (const f of FORCED) starts.push({ victim: DETECTING_VICTIM, user: f.user, t: at(f.at) });
  starts.sort((a, b) => a.t - b.t || a.user.localeCompare(b.user));

  const sessions = starts.map(({ victim, user, t }, i): ActorSession => {
    const ref = `s${String(i + 1).padStart(2, "0")}`;
    const binds: Bind[] = [];
    const n = rng.between(2, 4);
    let bt = t + rng.between(2, 9) * SECOND + rng.int(SECOND);
    for (let k = 0; k < n; k++) {
      const folders = Array.from({ length: rng.between(1, 2) }, () => ({ path: rng.pick(FOLDERS), items: rng.between(1, 6) }));
      binds.push({
        id: stableUuid(`ual2023:${ref}:${k}`),
        t: bt,
        folders: folders.filter((f, j) => folders.findIndex((g) => g.path === f.path) === j),
      });
      bt += 2 * MINUTE + rng.between(5, 50) * SECOND + rng.int(SECOND);
    }
    let renewal: ActorSession["renewal"] = null;
    if (rng.chance(0.5)) {
      const rt = t + 55 * MINUTE + rng.between(0, 240) * SECOND + rng.int(SECOND);
      renewal = { t: rt, requestId: stableUuid(`tv:${ref}:renewal`) };
      const folders = [{ path: rng.pick(FOLDERS), items: rng.between(1, 6) }];
      binds.push({ id: stableUuid(`ual2023:${ref}:${n}`), t: rt + rng.between(3, 20) * SECOND, folders });
    }
    return {
      ref,
      victim,
      upn: `${user}@${victim.domain}`,
      mailboxGuid: stableUuid(`mailbox:${user}@${victim.domain}`),
      sessionId: stableUuid(`session:${ref}`),
      ip: ipFor(t),
      start: t,
      tokenRequestId: stableUuid(`tv:${ref}:token`),
      uti: stableB64url(`uti2023:${ref}`, 22),
      binds,
      renewal,
    };
  });

  const fab = DETECTING_VICTIM;
  const attempt = (ref: string, iso: string, user: string, api: string, sigValid: boolean, reason: string): RejectedAttempt => ({
    ref,
    t: at(iso),
    victim: VICTIMS.find((v) => v.mailboxes.includes(user)) ?? fab,
    upn: `${user}@${(VICTIMS.find((v) => v.mailboxes.includes(user)) ?? fab).domain}`,
    ip: IOC_IPS.second,
    api,
    sigValid,
    reason,
    requestId: stableUuid(`tv:${ref}`),
  });
  const rejected = [
    attempt(
      "rejected.renewal-1",
      "2023-06-26T19:42:10.512Z",
      "k.osei",
      "GetAccessTokenForResource",
      true,
      "GetAccessTokenForResource token renewal disabled in OWA",
    ),
    attempt(
      "rejected.renewal-2",
      "2023-06-27T02:15:33.090Z",
      "e.brandt",
      "GetAccessTokenForResource",
      true,
      "GetAccessTokenForResource token renewal disabled in OWA",
    ),
    attempt("rejected.blocked-1", "2023-06-28T01:07:45.337Z", "s.ahmadi", "GetConversationItems", true, "signing key blocked in OWA"),
    attempt("rejected.blocked-2", "2023-06-28T03:51:02.664Z", "h.lindgren", "GetConversationItems", true, "signing key blocked in OWA"),
    attempt(
      "rejected.revoked-1",
      "2023-06-30T02:22:18.905Z",
      "l.moreau",
      "GetConversationItems",
      false,
      "kid not found in JWKS (key revoked)",
    ),
    attempt(
      "rejected.revoked-2",
      "2023-07-02T04:40:51.218Z",
      "a.varga",
      "GetConversationItems",
      false,
      "kid not found in JWKS (key revoked)",
    ),
    attempt(
      "rejected.revoked-last",
      "2023-07-04T06:12:27.771Z",
      "k.osei",
      "GetConversationItems",
      false,
      "kid not found in JWKS (key revoked)",
    ),
  ];
  cache = { sessions, rejected };
  return cache;
}

/** The records the SIEM rule fired on: every actor bind in the detecting tenant on 15–16 June before the alert. */
export function alertTriggers(alertAt: number): Bind[] {
  return campaign()
    .sessions.filter((s) => s.victim === DETECTING_VICTIM)
    .flatMap((s) => s.binds)
    .filter((b) => b.t >= at("2023-06-15T00:00:00Z") && b.t < alertAt);
}

export const ACTOR = ACTOR_APP;
