import type { EntityRef } from "../canonical";
import { getField } from "../field-mapping";

/** What one Zeek record says, by log: the timeline line and the fields an analyst pivots on. */
export type ZeekDetails = {
  message: string;
  action: string;
  outcome?: string;
  actor?: string;
  target?: string;
  entities: EntityRef[];
};

type Raw = Record<string, unknown>;

/** A field's value as text, or undefined when Zeek wrote it unset ("-"), empty ("(empty)", []) or absent. */
export function zeekValue(raw: Raw, key: string): string | undefined {
  const v = getField(raw, key);
  if (Array.isArray(v)) return v.length ? v.map(String).join(",") : undefined;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return typeof v === "string" && v !== "" && v !== "-" && v !== "(empty)" ? v : undefined;
}

function endpoint(host: string | undefined, port: string | undefined): string | undefined {
  if (!host) return undefined;
  const h = host.includes(":") ? `[${host}]` : host;
  return port ? `${h}:${port}` : h;
}

/** "203.0.113.5:52144 → 198.51.100.7:443" */
function endpoints(raw: Raw): string | undefined {
  const from = endpoint(zeekValue(raw, "id.orig_h"), zeekValue(raw, "id.orig_p"));
  const to = endpoint(zeekValue(raw, "id.resp_h"), zeekValue(raw, "id.resp_p"));
  return from && to ? `${from} → ${to}` : (from ?? to);
}

const line = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join(" ");

function conn(raw: Raw): ZeekDetails {
  const v = (k: string) => zeekValue(raw, k);
  const bytes = v("orig_bytes") || v("resp_bytes") ? `${v("orig_bytes") ?? 0}/${v("resp_bytes") ?? 0} bytes` : undefined;
  const duration = v("duration") && `${v("duration")}s`;
  return {
    message: line("conn", v("proto"), endpoints(raw), v("service"), v("conn_state"), duration, bytes),
    action: "conn",
    outcome: v("conn_state"),
    entities: [],
  };
}

function dns(raw: Raw): ZeekDetails {
  const v = (k: string) => zeekValue(raw, k);
  const query = v("query");
  const answers = v("answers");
  return {
    message: line(
      "dns",
      v("qtype_name"),
      query,
      v("rcode_name") && `→ ${v("rcode_name")}`,
      answers,
      endpoints(raw) && `(${endpoints(raw)})`,
    ),
    action: "dns.query",
    outcome: v("rcode_name"),
    target: query,
    entities: query ? [{ kind: "host", value: query, role: "dns-query" }] : [],
  };
}

function http(raw: Raw): ZeekDetails {
  const v = (k: string) => zeekValue(raw, k);
  const host = v("host");
  const uri = v("uri");
  const target = host || uri ? `${host ?? ""}${uri ?? ""}` : undefined;
  const entities: EntityRef[] = [];
  if (host) entities.push({ kind: "host", value: host, role: "http-host" });
  if (target) entities.push({ kind: "url", value: target, role: "request" });
  const status = v("status_code") && `→ ${line(v("status_code"), v("status_msg"))}`;
  return {
    message: line(
      "http",
      v("method"),
      target,
      status,
      endpoints(raw) && `(${endpoints(raw)})`,
      v("user_agent") && `UA "${v("user_agent")}"`,
    ),
    action: v("method") ? `http.${v("method")}` : "http",
    outcome: v("status_code"),
    actor: v("username"),
    target,
    entities,
  };
}

function ssl(raw: Raw): ZeekDetails {
  const v = (k: string) => zeekValue(raw, k);
  const sni = v("server_name");
  const established = v("established");
  const state = established === "T" || established === "true" ? "established" : established ? "not established" : undefined;
  return {
    message: line("ssl", v("version"), sni, state, endpoints(raw) && `(${endpoints(raw)})`),
    action: "ssl.handshake",
    outcome: state,
    target: sni,
    entities: sni ? [{ kind: "host", value: sni, role: "tls-sni" }] : [],
  };
}

function files(raw: Raw): ZeekDetails {
  const v = (k: string) => zeekValue(raw, k);
  const name = v("filename");
  return {
    message: line(
      "file",
      name && `"${name}"`,
      v("mime_type"),
      v("total_bytes") && `${v("total_bytes")} bytes`,
      v("source") && `via ${v("source")}`,
      v("sha256") ?? v("sha1") ?? v("md5"),
    ),
    action: "file",
    target: name,
    entities: name ? [{ kind: "file", value: name, role: "transferred" }] : [],
  };
}

// Any other log: its path, the endpoints, and the first few informative fields.
function other(raw: Raw, path: string | undefined): ZeekDetails {
  const skip = /^(ts|uid|fuid|_path|_system_name|community_id|id\..*)$/;
  const fields: string[] = [];
  for (const k of Object.keys(raw)) {
    const v = zeekValue(raw, k);
    if (v === undefined || skip.test(k) || v.length > 200) continue;
    fields.push(`${k}=${v}`);
    if (fields.length === 6) break;
  }
  const actor = zeekValue(raw, "username") ?? zeekValue(raw, "user") ?? zeekValue(raw, "client");
  const action = zeekValue(raw, "note") ?? zeekValue(raw, "name") ?? path ?? "zeek";
  return { message: line(path ?? "zeek", endpoints(raw), ...fields), action, actor, entities: [] };
}

const BY_PATH: Record<string, (raw: Raw) => ZeekDetails> = { conn, dns, http, ssl, files };

/** The log a record belongs to: its _path, else (JSON written without _path) what its fields tell. */
export function zeekPath(raw: Raw): string | undefined {
  const path = zeekValue(raw, "_path");
  if (path) return path;
  if ("conn_state" in raw) return "conn";
  if ("qtype_name" in raw || ("query" in raw && "rcode" in raw)) return "dns";
  if ("method" in raw && "uri" in raw) return "http";
  if ("server_name" in raw && "established" in raw) return "ssl";
  return undefined;
}

/** The details of a record of the given log (conn, dns, http, ssl, files; anything else generically). */
export function zeekDetails(raw: Raw, path: string | undefined): ZeekDetails {
  const known = BY_PATH[path ?? ""];
  return known ? known(raw) : other(raw, path);
}
