import { isObject } from "../formats/format";
import { collectEntities, type EntityCollector } from "./ms-entities";
import { asText, at, clip, fieldsOf, nameValues } from "./ms-fields";
import type { MsDraft } from "./ms-mapper";
import { outcomeOfStatus } from "./ms-outcome";

const TIME_FIELDS = ["activityDateTime", "ActivityDateTime [UTC]", "TimeGenerated [UTC]", "TimeGenerated"];

/**
 * Maps one Entra ID audit record: Graph's directoryAudit (camelCase, nested objects) or Log
 * Analytics' AuditLogs (PascalCase, nested values as JSON text) — one reader for both, since the
 * names differ only in case.
 */
export function readDirectoryAudit(raw: Record<string, unknown>): MsDraft {
  const f = fieldsOf(raw);
  const activity = f.text("activityDisplayName", "OperationName") ?? "(no activity)";
  const initiator = f.json("initiatedBy");
  const user = at(initiator, "user");
  const app = at(initiator, "app");
  const upn = asText(at(user, "userPrincipalName"));
  const actor =
    upn ??
    asText(at(user, "displayName")) ??
    asText(at(app, "servicePrincipalName")) ??
    asText(at(app, "displayName")) ??
    f.text("Identity");
  const ip = asText(at(user, "ipAddress"));
  const outcome = outcomeOfStatus(f.text("result"));
  const reason = f.text("resultReason");
  const details = nameValues(f.get("additionalDetails"));

  const e = collectEntities();
  e.add("app", asText(at(app, "appId")), "actor");
  e.add("tenant", f.text("AADTenantId", "tenantId"), "tenant");
  const targets = f.json("targetResources");
  const list = Array.isArray(targets) ? targets.filter(isObject) : [];
  for (const t of list) addTarget(e, t, details.get("AppId"));
  const first = list[0];
  const target = first ? (asText(first.userPrincipalName) ?? asText(first.displayName) ?? asText(first.id)) : undefined;

  let message = `${activity} by ${actor ?? "(unknown)"}`;
  if (ip) message += ` from ${ip}`;
  if (target) message += ` on ${target}${list.length > 1 ? ` and ${list.length - 1} more` : ""}`;
  const changed = list
    .flatMap((t) => (Array.isArray(t.modifiedProperties) ? t.modifiedProperties : []))
    .map((p) => asText(at(p, "displayName")));
  const names = [...new Set(changed.filter((n): n is string => n !== undefined))];
  if (names.length) message += ` (changed: ${clip(names.join(", "), 200)})`;
  if (outcome && outcome !== "success") message += ` — ${outcome}${reason ? `: ${clip(reason, 200)}` : ""}`;

  return {
    message,
    action: activity,
    category: f.text("category"),
    outcome,
    actor,
    srcIp: ip,
    target,
    nativeId: f.text("id"),
    entities: e.refs,
    time: f.text(...TIME_FIELDS),
    isZoneStated: true,
    timestampDesc: "Activity Time",
    timeField: TIME_FIELDS.find((n) => n in raw) ?? "activityDateTime",
  };
}

/** A target by its type: users are accounts, devices hosts, applications and service principals apps. */
function addTarget(e: EntityCollector, t: Record<string, unknown>, appIdDetail: string | undefined): void {
  const type = asText(t.type)?.toLowerCase();
  if (type === "user") e.add("account", asText(t.userPrincipalName) ?? asText(t.displayName), "target");
  else if (type === "device") e.add("host", asText(t.displayName), "target");
  else if (type === "serviceprincipal" || type === "application") {
    // additionalDetails' AppId is the id sign-ins and the audit log use; the display name when it is absent.
    e.add("app", appIdDetail ?? asText(t.displayName), "target");
  }
}
