import type { EntityRef } from "../canonical";
import { getField } from "../field-mapping";

/** What one EVE record says, by event_type: the timeline line and the fields an analyst pivots on. */
export type EveDetails = { message: string; action: string; outcome?: string; actor?: string; target?: string; entities: EntityRef[] };

type Raw = Record<string, unknown>;

/** A value as text; arrays joined, objects and empty values left out. */
export function eveValue(raw: Raw, key: string): string | undefined {
  const v = getField(raw, key);
  if (Array.isArray(v)) return v.length && v.every((x) => typeof x !== "object") ? v.join(",") : undefined;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return typeof v === "string" && v !== "" ? v : undefined;
}

const line = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join(" ");

function endpoint(ip: string | undefined, port: string | undefined): string | undefined {
  if (!ip) return undefined;
  return port ? `${ip.includes(":") ? `[${ip}]` : ip}:${port}` : ip;
}

/** "TCP 203.0.113.5:52144 → 198.51.100.7:80" */
function flowText(raw: Raw): string | undefined {
  const from = endpoint(eveValue(raw, "src_ip"), eveValue(raw, "src_port"));
  const to = endpoint(eveValue(raw, "dest_ip"), eveValue(raw, "dest_port"));
  const ends = from && to ? `${from} → ${to}` : (from ?? to);
  return ends && line(eveValue(raw, "proto"), ends);
}

function alert(raw: Raw): EveDetails {
  const v = (k: string) => eveValue(raw, k);
  const sid = v("alert.signature_id") && `[${v("alert.gid") ?? 1}:${v("alert.signature_id")}:${v("alert.rev") ?? 0}]`;
  const about = [v("alert.severity") && `severity ${v("alert.severity")}`, v("alert.category")].filter(Boolean).join(", ");
  return {
    message: line(
      sid,
      v("alert.signature") ?? "alert",
      about && `(${about})`,
      flowText(raw),
      v("alert.action") && `— ${v("alert.action")}`,
    ),
    action: "alert",
    outcome: v("alert.action"),
    target: v("alert.signature"),
    entities: [],
  };
}

function dns(raw: Raw): EveDetails {
  const v = (k: string) => eveValue(raw, k);
  // EVE v1/v2 put rrname at dns level; v3 (Suricata 8) lists queries.
  const queries = getField(raw, "dns.queries");
  const first = Array.isArray(queries) ? (queries[0] as Raw | undefined) : undefined;
  const name = v("dns.rrname") ?? (first ? eveValue(first, "rrname") : undefined);
  const type = v("dns.rrtype") ?? (first ? eveValue(first, "rrtype") : undefined);
  const kind = v("dns.type") ?? (getField(raw, "dns.answers") ? "answer" : "query");
  const answers = getField(raw, "dns.answers");
  const rdata = Array.isArray(answers)
    ? answers
        .map((a) => (a as Raw)?.rdata)
        .filter((x) => typeof x === "string")
        .join(",")
    : v("dns.rdata");
  return {
    message: line(
      "dns",
      kind,
      type,
      name,
      v("dns.rcode") && `→ ${v("dns.rcode")}`,
      rdata || undefined,
      flowText(raw) && `(${flowText(raw)})`,
    ),
    action: `dns.${kind}`,
    outcome: v("dns.rcode"),
    target: name,
    entities: name ? [{ kind: "host", value: name, role: "dns-query" }] : [],
  };
}

function http(raw: Raw): EveDetails {
  const v = (k: string) => eveValue(raw, k);
  const host = v("http.hostname");
  const url = v("http.url");
  const target = host || url ? `${host ?? ""}${url ?? ""}` : undefined;
  const entities: EntityRef[] = [];
  if (host) entities.push({ kind: "host", value: host, role: "http-host" });
  if (target) entities.push({ kind: "url", value: target, role: "request" });
  return {
    message: line(
      "http",
      v("http.http_method"),
      target,
      v("http.status") && `→ ${v("http.status")}`,
      flowText(raw) && `(${flowText(raw)})`,
      v("http.http_user_agent") && `UA "${v("http.http_user_agent")}"`,
    ),
    action: v("http.http_method") ? `http.${v("http.http_method")}` : "http",
    outcome: v("http.status"),
    target,
    entities,
  };
}

function tls(raw: Raw): EveDetails {
  const v = (k: string) => eveValue(raw, k);
  const sni = v("tls.sni");
  return {
    message: line("tls", v("tls.version"), sni, v("tls.subject") && `subject "${v("tls.subject")}"`, flowText(raw) && `(${flowText(raw)})`),
    action: "tls",
    target: sni,
    entities: sni ? [{ kind: "host", value: sni, role: "tls-sni" }] : [],
  };
}

function flow(raw: Raw): EveDetails {
  const v = (k: string) => eveValue(raw, k);
  const pkts = v("flow.pkts_toserver") && `${v("flow.pkts_toserver")}/${v("flow.pkts_toclient") ?? 0} pkts`;
  const bytes = v("flow.bytes_toserver") && `${v("flow.bytes_toserver")}/${v("flow.bytes_toclient") ?? 0} bytes`;
  const state = v("flow.state") && line(v("flow.state"), v("flow.reason") && `(${v("flow.reason")})`);
  return {
    message: line("flow", flowText(raw), v("app_proto"), pkts, bytes, state),
    action: "flow",
    outcome: v("flow.state"),
    entities: [],
  };
}

function fileinfo(raw: Raw): EveDetails {
  const v = (k: string) => eveValue(raw, k);
  const name = v("fileinfo.filename");
  const via = v("http.hostname") ? `${v("http.hostname")}${v("http.url") ?? ""}` : v("app_proto");
  return {
    message: line(
      "file",
      name && `"${name}"`,
      v("fileinfo.magic"),
      v("fileinfo.size") && `${v("fileinfo.size")} bytes`,
      via && `via ${via}`,
      v("fileinfo.sha256"),
    ),
    action: "fileinfo",
    outcome: v("fileinfo.state"),
    target: name,
    entities: name ? [{ kind: "file", value: name, role: "transferred" }] : [],
  };
}

const BY_TYPE: Record<string, (raw: Raw) => EveDetails> = { alert, dns, http, tls, flow, fileinfo };

/** The first few plain values of the event type's own object ("anomaly": {"type":"decode",…}). */
function ownFields(raw: Raw, eventType: string): string[] {
  const own = raw[eventType];
  if (typeof own !== "object" || own === null || Array.isArray(own)) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(own)) {
    if (typeof v === "object" || v === "" || String(v).length > 200) continue;
    out.push(`${k}=${String(v)}`);
    if (out.length === 4) break;
  }
  return out;
}

/** The details of an EVE record; other event types (ssh, smb, anomaly, stats…) get a generic line. */
export function eveDetails(raw: Raw, eventType: string): EveDetails {
  const known = BY_TYPE[eventType];
  if (known) return known(raw);
  return {
    message: line(eventType, flowText(raw), eveValue(raw, "app_proto"), ...ownFields(raw, eventType)),
    action: eventType,
    entities: [],
  };
}
