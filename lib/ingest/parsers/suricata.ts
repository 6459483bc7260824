import type { EntityRef, RecordMapper } from "../canonical";
import { type Format, isObject, type Sample, tryJson, wholeLines } from "../formats/format";
import { createJsonLinesParser, isJsonLines, jsonLinesKeys } from "../formats/jsonl";
import { eveDetails, eveValue } from "./suricata-details";

// Every EVE record has timestamp and event_type; all but stats also say where they were seen.
function isEve(o: Record<string, unknown>): boolean {
  if (typeof o.timestamp !== "string" || typeof o.event_type !== "string") return false;
  return "flow_id" in o || "src_ip" in o || "in_iface" in o || o.event_type === "stats";
}

function suricataScore(sample: Sample): number {
  if (!isJsonLines(sample)) return 0;
  const first = wholeLines(sample).map(tryJson).find(isObject);
  return first && isEve(first) ? 92 : 0;
}

// EVE has no record id: flow_id names the flow (an alert and its flow share it) and becomes a
// session entity, and the record's text is its fingerprint.
const mapEve: RecordMapper = (raw) => {
  const timestamp = eveValue(raw, "timestamp");
  if (!timestamp) return { error: "no timestamp in the EVE record" };
  const eventType = eveValue(raw, "event_type") ?? "event";
  const d = eveDetails(raw, eventType);
  const entities: EntityRef[] = [...d.entities];
  const flowId = eveValue(raw, "flow_id");
  if (flowId) entities.push({ kind: "session", value: flowId, role: "flow-id" });
  const communityId = eveValue(raw, "community_id");
  if (communityId) entities.push({ kind: "session", value: communityId, role: "community-id" });
  return {
    time: timestamp,
    message: d.message,
    action: d.action,
    category: eventType,
    outcome: d.outcome,
    actor: d.actor,
    host: eveValue(raw, "host"),
    srcIp: eveValue(raw, "src_ip"),
    dstIp: eveValue(raw, "dest_ip"),
    target: d.target,
    entities,
  };
};

export const suricataEveFormat: Format = {
  name: "suricata-eve",
  label: "Suricata EVE JSON",
  description:
    "eve.json: one record a line with timestamp (+0000 offsets, microseconds), event_type (alert, dns, http, tls, flow, fileinfo…), src/dest IP and port; alerts read as their signature. flow_id links an alert to its flow.",
  example:
    '{"timestamp":"2023-05-15T03:12:44.123456+0000","flow_id":1234567890123456,"in_iface":"eth0","event_type":"alert","src_ip":"203.0.113.5","src_port":52144,"dest_ip":"198.51.100.7","dest_port":80,"proto":"TCP","alert":{"action":"allowed","gid":1,"signature_id":2013028,"rev":7,"signature":"ET POLICY curl User-Agent Outbound","category":"Attempted Information Leak","severity":2}}',
  detect: suricataScore,
  createParser: createJsonLinesParser,
  createMapper: () => mapEve,
  sampleFields: jsonLinesKeys,
};
