// debug-share-security.jsonl: Security 5145 (detailed file share) on the debugging environment's
// file server, as Winlogbeat 7 ships it (one JSON document a line). The story: the crash dump
// arrives from the signing environment by the transfer service account, and weeks later the
// engineer's account reads it from an address it never used before. The log survives only for its
// retention window; the key's exfiltration, whenever it happened, left nothing here.

import { DEBUG_RETENTION, ENGINEER, FIRST_NAMES, LAST_NAMES, TRANSFER } from "./cast";
import { type FileResult, type FileSpec, produce, type Rec } from "./output";
import { createRng, type Rng } from "./random";
import { DUMP_ARRIVES, DUMP_READ, SIGNING_DUMP } from "./story-2021";
import { at, backgroundTimes, DAY, iso, OFFICE_HOURS_US_WEST } from "./time";
import { type Access, MASK, render } from "./winlogbeat-5145";

export const SPEC: FileSpec = {
  file: "debug-share-security.jsonl",
  format: "winlogbeat-json",
  description: "Security 5145 (detailed file share) of the debugging file server, Winlogbeat 7 JSON lines",
  layout: { kind: "lines", tsDigits: 3 },
};

/** Record ids climb by more than one: the same log holds logons and other events not exported here. */
function recordIds(rng: Rng): () => number {
  let id = 9_184_331;
  return () => {
    id += 1 + rng.int(40);
    return id;
  };
}

function story(nextId: () => number, rng: Rng): Rec[] {
  const xfer = (target: string, mask: number) => ({
    user: TRANSFER.account,
    sid: TRANSFER.sid,
    ip: TRANSFER.ip,
    port: 49_822,
    logonId: "0x9c41e2",
    target,
    mask,
  });
  const eng = (target: string, mask: number) => ({
    user: ENGINEER.sam,
    sid: ENGINEER.sid,
    ip: ENGINEER.unfamiliarIp,
    port: 61_407,
    logonId: "0x4d7a0f3",
    target,
    mask,
  });
  const t1 = at(DUMP_ARRIVES);
  const t2 = at(DUMP_READ);
  const steps: [string, "transfer-out" | "key-acquisition", number, Access, string][] = [
    [
      "transfer.mkdir-day",
      "transfer-out",
      t1,
      xfer(SIGNING_DUMP.shareDay, MASK.mkdir),
      "transfer account creates the day's folder for the signing-system dump",
    ],
    [
      "transfer.mkdir-report",
      "transfer-out",
      t1 + 211_000,
      xfer(SIGNING_DUMP.shareDir, MASK.mkdir),
      "transfer account creates the WER report folder",
    ],
    [
      "transfer.write-dump",
      "transfer-out",
      t1 + 402_000,
      xfer(SIGNING_DUMP.shareFile, MASK.write),
      "signing-system crash dump memory.hdmp written to the debugging share by the transfer account",
    ],
    [
      "dump-read.list-day",
      "key-acquisition",
      t2,
      eng(SIGNING_DUMP.shareDay, MASK.list),
      "engineer account lists the April dump folder from an address it never used before",
    ],
    [
      "dump-read.list-report",
      "key-acquisition",
      t2 + 4_117_000,
      eng(SIGNING_DUMP.shareDir, MASK.list),
      "engineer account lists the signing-system report folder",
    ],
    [
      "dump-read.read-dump",
      "key-acquisition",
      t2 + 9_040_000,
      eng(SIGNING_DUMP.shareFile, MASK.read),
      "engineer account opens the signing-system crash dump for reading (ReadData) from the unfamiliar address",
    ],
  ];
  return steps.map(([ref, stage, t, access, summary]) => {
    const key = {
      ref,
      stage,
      summary,
      nativeIdField: "winlog.record_id",
      nativeId: null as string | null,
      match: {
        "winlog.event_id": 5145,
        "winlog.event_data.SubjectUserName": access.user,
        "winlog.event_data.RelativeTargetName": access.target,
        "winlog.event_data.IpAddress": access.ip,
      },
    };
    if (t >= at(DEBUG_RETENTION.retainedUntil)) throw new Error(`${ref} falls after the retention window`);
    return {
      t,
      key,
      render: () => {
        const id = nextId();
        key.nativeId = String(id);
        return render(access, t, id, 5_000 + rng.int(2_000));
      },
    };
  });
}

const SERVICES = ["ESTS", "AADGATEWAY", "MSAAUTH", "OWAFE", "GRAPHAPI", "KEYVAULTFE", "DIRSYNC"] as const;
const FILES = ["memory.hdmp", "triage.dmp", "Report.wer", "WERInternalMetadata.xml"] as const;

function* background(rng: Rng, budget: number, nextId: () => number): Generator<Rec> {
  const people = Array.from({ length: 40 }, (_, i) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    return {
      user: `${first.charAt(0)}${last}`.slice(0, 20),
      sid: `S-1-5-21-2871043327-1207481330-3725440181-${40_000 + i * 37}`,
      ip: `10.20.${rng.between(1, 60)}.${rng.between(10, 250)}`,
    };
  });
  const engineer = { user: ENGINEER.sam, sid: ENGINEER.sid, ip: ENGINEER.workstationIp };
  const start = at(DEBUG_RETENTION.retainedFrom);
  const end = at(DEBUG_RETENTION.retainedUntil);
  for (const t of backgroundTimes(rng, start, end, budget, OFFICE_HOURS_US_WEST)) {
    const service = rng.pick(SERVICES);
    const day = iso(t - rng.between(0, 20) * DAY, 0).slice(0, 10);
    const dir = `${service}\\${day}\\AppCrash_${service.toLowerCase()}svc.e_${rng.hex(40)}_${rng.hex(8)}_${rng.hex(8)}`;
    let access: Access;
    if (rng.chance(0.12)) {
      access = {
        user: TRANSFER.account,
        sid: TRANSFER.sid,
        ip: TRANSFER.ip,
        port: rng.between(49_152, 65_535),
        logonId: `0x${rng.hex(6)}`,
        target: `${dir}\\${rng.pick(FILES)}`,
        mask: rng.chance(0.8) ? MASK.write : MASK.mkdir,
      };
    } else {
      const who = rng.chance(0.08) ? engineer : rng.pick(people);
      const listing = rng.chance(0.35);
      access = {
        ...who,
        port: rng.between(49_152, 65_535),
        logonId: `0x${rng.hex(7)}`,
        target: listing ? dir : `${dir}\\${rng.pick(FILES)}`,
        mask: listing ? MASK.list : MASK.read,
      };
    }
    yield { t, render: () => render(access, t, nextId(), 5_000 + rng.int(2_000)) };
  }
}

export async function writeDebugShareSecurity(dir: string, seed: number, budget: number): Promise<FileResult> {
  const rng = createRng(seed, SPEC.file);
  const nextId = recordIds(rng);
  return produce(dir, SPEC, story(nextId, createRng(558, "story:debug-share")), background(rng, budget, nextId));
}
