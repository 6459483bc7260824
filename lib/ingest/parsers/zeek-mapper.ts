import type { EntityRef, EventDraft, RecordMapper } from "../canonical";
import { zeekDetails, zeekPath, zeekValue } from "./zeek-details";

const EPOCH = /^(\d+)(?:\.(\d+))?$/;
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/** ts in microseconds as digits, so the TSV text, the JSON float and the ISO form of one record agree. */
function tsMicros(ts: string): string {
  const e = EPOCH.exec(ts);
  if (e) return `${e[1]}${(e[2] ?? "").padEnd(6, "0").slice(0, 6)}`.replace(/^0+(?=\d)/, "");
  const i = ISO_UTC.exec(ts);
  if (!i) return ts;
  const ms = Date.UTC(Number(i[1]), Number(i[2]) - 1, Number(i[3]), Number(i[4]), Number(i[5]), Number(i[6]));
  return String(ms * 1000 + Number((i[7] ?? "").padEnd(6, "0").slice(0, 6)));
}

/**
 * Zeek's uid names a connection, so with ts (and the log's path) it names one record; the
 * transaction within the connection (HTTP trans_depth, DNS trans_id) keeps pipelined requests
 * apart. Logs without a uid use the file id (files.log) or have none.
 */
function nativeIdOf(raw: Record<string, unknown>, path: string | undefined, ts: string): string | undefined {
  const id = zeekValue(raw, "uid") ?? zeekValue(raw, "fuid");
  if (!id) return undefined;
  const tx = path === "http" ? zeekValue(raw, "trans_depth") : path === "dns" ? zeekValue(raw, "trans_id") : undefined;
  return [path ?? "", id, tsMicros(ts), tx].filter((p) => p !== undefined).join(":");
}

export const mapZeek: RecordMapper = (raw) => {
  const rawTs = raw.ts;
  // A JSON float prints back as the digits Zeek wrote; the epoch reader then keeps every microsecond.
  const ts = typeof rawTs === "number" ? String(rawTs) : typeof rawTs === "string" && rawTs !== "-" ? rawTs : undefined;
  if (!ts) return { error: "no ts in the Zeek record" };
  const path = zeekPath(raw);
  const d = zeekDetails(raw, path);
  const entities: EntityRef[] = [...d.entities];
  const uid = zeekValue(raw, "uid");
  if (uid) entities.push({ kind: "session", value: uid, role: "zeek-uid" });
  const communityId = zeekValue(raw, "community_id");
  if (communityId) entities.push({ kind: "session", value: communityId, role: "community-id" });
  const draft: EventDraft = {
    time: ts,
    message: d.message,
    action: d.action,
    category: path ?? "zeek",
    outcome: d.outcome,
    actor: d.actor,
    host: zeekValue(raw, "_system_name"),
    // notice.log names the endpoints src and dst when it has no connection.
    srcIp: zeekValue(raw, "id.orig_h") ?? zeekValue(raw, "src"),
    dstIp: zeekValue(raw, "id.resp_h") ?? zeekValue(raw, "dst"),
    target: d.target,
    nativeId: nativeIdOf(raw, path, ts),
    entities,
  };
  if (EPOCH.test(ts)) draft.timeFormat = "epoch-s";
  return draft;
};
