// A variant of a generated scenario for training: the same story with other identities — the
// actor's addresses, the key id and thumbprint, the actor's app ids, the victims' tenants, names,
// domains and mailboxes, the engineer (name, account, addresses), the transfer account and its
// address, the signing host and the debugging file server — so one trainee's answers are not
// another's. The files, the manifest and the answer key are rewritten with one table of
// replacements, so the answer key still points at the same lines and fields.
//
// Times move too: the whole story by 1 to 8 whole weeks (time-shift.ts), the same in the files, the
// manifest and the answer key. Not varied: the provider's own names.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Manifest } from "./answer-key-types";
import { ACTOR_APP, DEBUG_FS, ENGINEER, HOME_ISP, REPLAY_INFRA, SIGNING_HOST, TRANSFER, VICTIMS } from "./cast";
import { IOC_IPS, KEY_2016 } from "./facts";
import { ANSWER_KEY_FILE, MANIFEST_FILE } from "./generate";
import { createRng, type Rng } from "./random";
import { shiftDates } from "./time-shift";

export type Replacement = { what: string; from: string; to: string };

/** Invented organisations for the victims' new names: Microsoft's documentation names, on .test domains. */
const ORGS = [
  ["Tailspin Toys Agency", "tailspin-agency"],
  ["Wingtip Trade Office", "wingtip-trade"],
  ["Proseware Institute", "proseware-inst"],
  ["Lamna Ministry of Culture", "lamna-culture"],
  ["Relecloud University", "relecloud-univ"],
  ["Alpine Ski House Council", "alpine-council"],
  ["Coho Vineyard Bureau", "coho-bureau"],
  ["Fourth Coffee Commission", "fourthcoffee-comm"],
  ["Graphic Design Institute", "gdi-institute"],
  ["Trey Research Office", "treyresearch-office"],
] as const;

/** Invented people for the engineer whose account was used. */
const ENGINEER_NAMES = [
  "Noor Haddad",
  "Rui Tanaka",
  "Imke Vos",
  "Tomas Ruiz",
  "Ada Okafor",
  "Lena Brandt",
  "Omar Sayegh",
  "Kai Moreno",
] as const;
/** Surnames for the victims' mailboxes, none of them in the background's name pool. */
const MAILBOX_SURNAMES = [
  "adeyemi",
  "bianchi",
  "costa",
  "dahl",
  "eze",
  "fontaine",
  "garza",
  "haas",
  "ibarra",
  "jovanovic",
  "kowalski",
  "lindgren",
  "mendez",
  "novak",
  "oyelaran",
  "petrov",
  "quinn",
  "rossi",
  "sato",
  "tran",
  "ueda",
  "varga",
  "wolff",
  "yilmaz",
  "zeller",
] as const;

/** A name that stands nowhere in the scenario and was not chosen before. */
function unusedName(make: () => string, used: Set<string>, text: string): string {
  const lower = text.toLowerCase();
  for (;;) {
    const name = make();
    if (!used.has(name) && !lower.includes(name.toLowerCase())) {
      used.add(name);
      return name;
    }
  }
}

/** A documentation-range address (RFC 5737) nothing in the scenario uses, different from those already chosen. */
function docAddress(rng: Rng, used: Set<string>, text: string): string {
  const nets = ["192.0.2", "198.51.100", "203.0.113"];
  for (;;) {
    const ip = `${rng.pick(nets)}.${rng.between(2, 254)}`;
    if (!used.has(ip) && !new RegExp(`(?<![\\d.])${ip.replaceAll(".", "\\.")}(?!\\d)`).test(text)) {
      used.add(ip);
      return ip;
    }
  }
}

/** A private address (10/8) in the same spirit, unused. */
function privateAddress(rng: Rng, used: Set<string>, text: string): string {
  for (;;) {
    const ip = `10.${rng.between(1, 250)}.${rng.between(1, 250)}.${rng.between(2, 250)}`;
    if (!used.has(ip) && !text.includes(ip)) {
      used.add(ip);
      return ip;
    }
  }
}

/** The replacements of variant `seed` for a scenario whose files hold `text` (all of them, for collisions). */
export function planVariant(seed: number, text: string): Replacement[] {
  const rng = createRng(seed, "training-variant");
  const used = new Set<string>();
  const orgs = [...ORGS];
  const out: Replacement[] = [
    { what: "first actor address", from: IOC_IPS.first, to: docAddress(rng, used, text) },
    { what: "second actor address", from: IOC_IPS.second, to: docAddress(rng, used, text) },
    { what: "2021 token-replay address", from: REPLAY_INFRA.ip, to: docAddress(rng, used, text) },
    { what: "engineer's home address", from: HOME_ISP.ip, to: docAddress(rng, used, text) },
    { what: "engineer's workstation", from: ENGINEER.workstationIp, to: privateAddress(rng, used, text) },
    { what: "engineer's unfamiliar address", from: ENGINEER.unfamiliarIp, to: privateAddress(rng, used, text) },
    { what: "transfer host address", from: TRANSFER.ip, to: privateAddress(rng, used, text) },
    { what: "signing key id", from: KEY_2016.kid, to: rng.b64url(KEY_2016.kid.length) },
    { what: "signing key thumbprint", from: KEY_2016.thumbprint, to: rng.hex(KEY_2016.thumbprint.length) },
    { what: "actor app id", from: ACTOR_APP.appId, to: rng.uuid() },
    { what: "actor client app id", from: ACTOR_APP.clientAppId, to: rng.uuid() },
  ];
  for (const v of VICTIMS) {
    const [org, slug] = orgs.splice(rng.int(orgs.length), 1)[0] as (typeof ORGS)[number];
    out.push(
      { what: `${v.org}: tenant`, from: v.tenantId, to: rng.uuid() },
      { what: `${v.org}: domain`, from: v.domain, to: `${slug}.test` },
      { what: `${v.org}: name`, from: v.org, to: org },
    );
  }
  // People and hosts (drawn after the rest, so the identities above stay what they were for a seed).
  const [first = "", last = ""] = unusedName(() => rng.pick(ENGINEER_NAMES), used, text).split(" ");
  out.push(
    { what: "engineer's name", from: ENGINEER.displayName, to: `${first} ${last}` },
    { what: "engineer's account", from: ENGINEER.sam, to: unusedName(() => `${first[0]}${last}`.toLowerCase(), used, text) },
    { what: "engineer's user id", from: ENGINEER.userId, to: rng.uuid() },
    {
      what: "transfer account",
      from: TRANSFER.account,
      to: unusedName(() => `svc-${rng.pick(["crashcopy", "dumpmove", "werxfer", "dbgsync"])}`, used, text),
    },
    {
      what: "signing host",
      from: SIGNING_HOST.split(".")[0] as string,
      to: unusedName(() => `msasign-p${rng.between(10, 99)}`, used, text),
    },
    {
      what: "debugging file server",
      from: DEBUG_FS.host.split(".")[0] as string,
      to: unusedName(() => `dbgfs${rng.between(2, 9)}${rng.between(0, 9)}`, used, text),
    },
  );
  for (const v of VICTIMS)
    for (const mailbox of v.mailboxes)
      out.push({
        what: `${v.org}: mailbox ${mailbox}`,
        from: `${mailbox}@`,
        to: `${unusedName(() => `${String.fromCharCode(97 + rng.int(26))}.${rng.pick(MAILBOX_SURNAMES)}`, used, text)}@`,
      });
  return out;
}

/** How many whole weeks variant `seed` moves the story forward (1–8: every event keeps its year). */
export function variantShiftWeeks(seed: number): number {
  return 1 + createRng(seed, "training-time-shift").int(8);
}

const regexText = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Applies the replacements to one file's text. An address is replaced only where it stands whole
 * (not inside a longer one); ids match without regard to case and keep the case they had.
 */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  let out = text;
  for (const r of replacements) {
    const isAddress = /^\d+\.\d+\.\d+\.\d+$/.test(r.from);
    const re = new RegExp(isAddress ? `(?<![\\d.])${regexText(r.from)}(?!\\d)` : regexText(r.from), isAddress ? "g" : "gi");
    out = out.replace(re, (m) => (m === m.toUpperCase() && m !== m.toLowerCase() ? r.to.toUpperCase() : r.to));
  }
  return out;
}

/**
 * Writes variant `seed` of the scenario in `fromDir` into `toDir`: every file rewritten with the
 * variant's replacements and moved by its weeks, the manifest's checksums recomputed, the answer
 * key told which variant it is and how far it moved. Returns the replacements (the instructor's
 * view of what differs; the shift is variantShiftWeeks(seed)).
 */
export async function writeVariant(fromDir: string, toDir: string, seed: number): Promise<Replacement[]> {
  const names = (await readdir(fromDir)).filter((n) => n !== MANIFEST_FILE).sort();
  const texts = new Map(names.map((n) => [n, readFileSync(path.join(fromDir, n), "utf8")]));
  const replacements = planVariant(seed, [...texts.values()].join("\n"));
  const weeks = variantShiftWeeks(seed);
  await mkdir(toDir, { recursive: true });
  const sums = new Map<string, string>();
  for (const [name, text] of texts) {
    let body = shiftDates(applyReplacements(text, replacements), weeks);
    if (name === ANSWER_KEY_FILE) body = `${JSON.stringify({ ...JSON.parse(body), variant: seed, timeShiftWeeks: weeks }, null, 2)}\n`;
    sums.set(name, createHash("sha256").update(body, "utf8").digest("hex"));
    await writeFile(path.join(toDir, name), body);
  }
  const manifest = JSON.parse(
    shiftDates(applyReplacements(readFileSync(path.join(fromDir, MANIFEST_FILE), "utf8"), replacements), weeks),
  ) as Manifest & {
    variant?: number;
    timeShiftWeeks?: number;
  };
  manifest.variant = seed;
  manifest.timeShiftWeeks = weeks;
  for (const f of manifest.files) f.sha256 = sums.get(f.path) ?? f.sha256;
  await writeFile(path.join(toDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return replacements;
}
