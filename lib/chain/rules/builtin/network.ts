import { and, col, not, or, type Predicate, raw } from "../predicate";
import type { RuleSpec } from "../rule-spec";

const action = (value: string) => ({ op: "eq", field: col("action"), value }) as const;
const NETWORK_FORMATS = ["zeek", "suricata"];
/** Addresses inside an organisation (RFC 1918, CGNAT, loopback, link-local, unique-local): never "external". */
const INTERNAL = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "fc00::/7",
  "fe80::/10",
  "::1/128",
];
const external = (column: "dst_ip" | "src_ip"): Predicate =>
  and({ op: "exists", field: col(column) }, not(or(...INTERNAL.map((value) => ({ op: "cidr", field: col(column), value }) as const))));
const CONNECTION = or(action("conn"), action("flow"));
/** 100 MB sent by the originator: Zeek's orig_bytes, Suricata's flow.bytes_toserver. */
const LARGE_UPLOAD = or(
  { op: "num", field: raw("orig_bytes"), cmp: ">=", value: 100_000_000 },
  { op: "num", field: raw("flow.bytes_toserver"), cmp: ">=", value: 100_000_000 },
);

/**
 * The network side of an intrusion (Zeek, Suricata): data leaving in bulk, and a compromised host
 * reaching places it never reached before.
 */
export const NETWORK_RULES: RuleSpec[] = [
  {
    kind: "match",
    key: "generic.large-outbound-transfer",
    name: "Large transfer to an external address",
    description:
      "A connection that sent 100 MB or more to an address outside the private ranges: the shape of exfiltration, and of backups and video calls too, so it fits without proving (T1048).",
    stageKey: "exfiltration",
    tactic: "TA0010",
    technique: "T1048",
    severity: "medium",
    evidence: "circumstantial",
    formats: NETWORK_FORMATS,
    where: and(CONNECTION, LARGE_UPLOAD, external("dst_ip")),
  },
  {
    kind: "pivot",
    key: "generic.new-destination-after-compromise",
    name: "External destination first reached after the host was compromised",
    description:
      "Connections from a host's address to an external address it first reached after a payload ran or a service was exploited on it, within a day: a controller, a staging server or a drop (T1071).",
    stageKey: "command-and-control",
    tactic: "TA0011",
    technique: "T1071",
    severity: "medium",
    evidence: "circumstantial",
    formats: NETWORK_FORMATS,
    anchor: { rules: ["generic.payload-connection", "generic.java-jndi-callback"] },
    on: [col("src_ip")],
    afterAnchor: true,
    withinDays: 1,
    firstSeenAfterAnchor: col("dst_ip"),
    where: and(CONNECTION, external("dst_ip")),
  },
];
