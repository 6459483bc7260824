import { possibleWindowsActions } from "@/lib/ingest/parsers/windows-semantics";
import { SYSMON_ACTIONS } from "@/lib/ingest/parsers/windows-sysmon";
import type { Predicate } from "../predicate";
import type { RuleGate } from "../rule-spec";
import type { SigmaLogsource } from "./sigma-logsource";

/**
 * What a logsource lets a rule skip without reading a field: the formats that carry the log, and
 * the recorded action (Sysmon 1 is "process-create") or channel every matching event has. The
 * runner joins events to rules on these plain columns, so a process-creation rule is tested only
 * on process creations, not on every event of a Windows file (lib/chain/rules/run-rules.ts). The
 * gate is only ever looser than the logsource predicate, which the rule still tests in full.
 */

const SYSMON_CATEGORY_IDS: Record<string, number[]> = {
  file_change: [2],
  network_connection: [3],
  process_termination: [5],
  driver_load: [6],
  image_load: [7],
  create_remote_thread: [8],
  raw_access_thread: [9],
  process_access: [10],
  file_event: [11],
  registry_add: [12],
  registry_delete: [12],
  registry_set: [13],
  registry_rename: [14],
  registry_event: [12, 13, 14],
  create_stream_hash: [15],
  pipe_created: [17, 18],
  dns_query: [22],
  file_delete: [23],
  process_tampering: [25],
  file_delete_detected: [26],
};

/** Categories whose events carry no Sysmon action name: the event id is the action. */
const EVENT_ID_ACTIONS: Record<string, string[]> = {
  process_creation: ["process-create"],
  ps_module: ["4103"],
  ps_script: ["powershell-script-block"],
  ps_classic_start: ["400"],
  ps_classic_provider_start: ["600"],
  ps_classic_script: ["800"],
};

/** The actions a Windows category's events are recorded with, when every one of them is known. */
function windowsActions(category: string): string[] | undefined {
  const direct = EVENT_ID_ACTIONS[category];
  if (direct) return direct;
  const ids = SYSMON_CATEGORY_IDS[category];
  if (!ids) return undefined;
  const actions = ids.map((id) => SYSMON_ACTIONS[id]);
  return actions.every((a): a is string => typeof a === "string") ? [...new Set(actions)] : undefined;
}

/** Formats (by name) a logsource's format test accepts, found by trying each known format against it. */
export function formatsAccepted(logsource: Predicate, formats: readonly string[]): string[] {
  return formats.filter((f) => formatTest(logsource, f) !== false);
}

/** true/false for a predicate's source-format tests on one format; undefined where it tests something else. */
function formatTest(p: Predicate, format: string): boolean | undefined {
  switch (p.op) {
    case "and": {
      const r = p.items.map((i) => formatTest(i, format));
      return r.includes(false) ? false : r.every((x) => x === true) ? true : undefined;
    }
    case "or": {
      const r = p.items.map((i) => formatTest(i, format));
      return r.includes(true) ? true : r.every((x) => x === false) ? false : undefined;
    }
    case "eq":
      return p.field.kind === "source-format" ? format === p.value : undefined;
    case "startswith":
      return p.field.kind === "source-format" ? format.startsWith(p.value) : undefined;
    default:
      return undefined;
  }
}

/**
 * The gate of a (normalized) logsource: actions or channels its events must have, when known.
 * `exact` when, within the logsource's formats, the gate is the logsource filter itself (a Sysmon
 * category and its action names; a service and its channels), so the rule need not test it again.
 */
export function logsourceGate(ls: SigmaLogsource, windowsChannels: Record<string, string[]>): { gate: RuleGate; exact: boolean } {
  if (ls.product === "linux") {
    // Sysmon for Linux records its events with the Windows Sysmon actions; auditd arrives as AUOMS.
    const actions = ls.category ? windowsActions(ls.category === "file_create" ? "file_event" : ls.category) : undefined;
    if (actions) return { gate: { actions }, exact: false };
    return ls.service === "auditd" && !ls.category ? { gate: { channels: ["auoms"] }, exact: false } : { gate: {}, exact: false };
  }
  if (ls.product !== "windows") return { gate: {}, exact: false };
  const actions = ls.category ? windowsActions(ls.category) : undefined;
  // A service named beside a category narrows it further (sysmon + process_creation: not 4688).
  if (actions) return { gate: { actions }, exact: !ls.service && !EVENT_ID_ACTIONS_NOT_UNIQUE.has(ls.category ?? "") };
  const channels = ls.service && !ls.category ? windowsChannels[ls.service] : undefined;
  return channels ? { gate: { channels }, exact: true } : { gate: {}, exact: false };
}

/**
 * The values a detection requires of a field (every way it can match tests the field for equality
 * with one of them), or null. `isField` says which raw paths are that field.
 */
function requiredValues(p: Predicate, isField: (last: string) => boolean, valueOk: (v: string) => boolean): Set<string> | null {
  switch (p.op) {
    case "eq": {
      const f = p.field;
      if (f.kind !== "raw") return null;
      const last = f.path
        .filter((k) => k !== "#text")
        .at(-1)
        ?.toLowerCase();
      return last !== undefined && isField(last) && valueOk(p.value) ? new Set([p.value]) : null;
    }
    case "or": {
      const sets = p.items.map((i) => requiredValues(i, isField, valueOk));
      if (sets.length === 0 || sets.some((x) => x === null)) return null;
      return new Set(sets.flatMap((x) => [...(x as Set<string>)]));
    }
    case "and": {
      const sets = p.items.map((i) => requiredValues(i, isField, valueOk)).filter((x): x is Set<string> => x !== null);
      if (sets.length === 0) return null;
      let common = sets[0] as Set<string>;
      for (const b of sets.slice(1)) common = new Set([...common].filter((x) => b.has(x)));
      return common;
    }
    default:
      return null;
  }
}

/**
 * The event ids a Windows detection requires (every way it can match names one), or null. A
 * service-only rule ("service: security", 4624 in its selection) is then gated on the actions
 * those ids are recorded with instead of on the whole channel; the rule still tests everything.
 */
export function requiredEventIds(p: Predicate): Set<string> | null {
  return requiredValues(
    p,
    (last) => last === "eventid" || last === "event_id",
    (v) => /^\d+$/.test(v),
  );
}

/** Where M365 (Operation), CloudTrail (eventName) and Entra audit (activity) records name what was done: our action column. */
const OPERATION_FIELDS = new Set(["operation", "operations", "eventname", "activitydisplayname", "activity", "operationname"]);

/**
 * The action gate for a cloud detection that requires its operation (M365 `Operation`, CloudTrail
 * `eventName`, Entra `activityDisplayName`), or null: the rule is then tested on those records only
 * (the runner compares actions without regard to case, as Sigma compares values).
 */
export function operationGate(detection: Predicate): RuleGate | null {
  const values = requiredValues(
    detection,
    (last) => OPERATION_FIELDS.has(last),
    (v) => v.trim() !== "",
  );
  return values && values.size > 0 ? { actions: [...values] } : null;
}

/** The action gate for a Windows detection's required event ids (any channel's name for them). */
export function eventIdGate(detection: Predicate): RuleGate | null {
  const ids = requiredEventIds(detection);
  if (!ids || ids.size === 0) return null;
  return { actions: [...new Set([...ids].flatMap((id) => possibleWindowsActions(Number(id))))] };
}

/** Actions that are bare event ids: another channel's event of the same id has the same action. */
const EVENT_ID_ACTIONS_NOT_UNIQUE = new Set(["ps_module", "ps_classic_start", "ps_classic_provider_start", "ps_classic_script"]);
