import { isObject } from "../formats/format";
import { collectEntities } from "./ms-entities";
import { asText, at, clip, type Fields, fieldsOf } from "./ms-fields";
import { createInstantKey } from "./ms-instant-key";
import type { MsDraft } from "./ms-mapper";
import { outcomeOfCode } from "./ms-outcome";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Graph (camelCase), Log Analytics (PascalCase, `[UTC]`) and portal CSV ("Date (UTC)") spellings of the sign-in time. */
const TIME_FIELDS = ["createdDateTime", "CreatedDateTime [UTC]", "Date (UTC)", "TimeGenerated [UTC]", "TimeGenerated"];

/**
 * Maps one Entra ID sign-in from any of its exports. Names are matched ignoring case and
 * punctuation, so `ipAddress`, `IPAddress` and `IP address` are one field; where an export
 * names a thing differently (portal "Username" for the UPN, "Application ID" for appId) both
 * names are listed.
 */
export function createSigninReader(): (raw: Record<string, unknown>) => MsDraft {
  const instantKey = createInstantKey();
  return (raw) => {
    const f = fieldsOf(raw);
    const time = f.text(...TIME_FIELDS);
    const upn = f.text("userPrincipalName", "Username");
    const actor = upn ?? f.text("servicePrincipalName", "userDisplayName", "User", "userId", "servicePrincipalId");
    const appId = f.text("appId", "Application ID");
    const app = f.text("appDisplayName", "Application") ?? appId;
    // The portal's "Resource" is the display name; Log Analytics' is its own provider ("Microsoft.aadiam").
    const resource = f.text("resourceDisplayName") ?? ("ResourceDisplayName" in raw ? undefined : f.text("Resource"));
    const ip = f.text("ipAddress", "IP address");
    const { code, reason, outcome } = statusOf(f);
    const category = categoryOf(f);

    const e = collectEntities();
    e.add("app", appId, "app");
    // Log Analytics' ResourceId is the workspace resource path; the resource's app id is ResourceIdentity.
    const resourceId = [f.text("ResourceIdentity"), f.text("resourceId", "Resource ID")].find((v) => v && GUID.test(v));
    e.add("app", resourceId, "resource");
    const home = f.text("homeTenantId", "AADTenantId");
    const resourceTenant = f.text("resourceTenantId");
    e.add("tenant", home, "tenant");
    // Only a cross-tenant sign-in names a second tenant; the same one twice would only cost a link.
    if (resourceTenant?.toLowerCase() !== home?.toLowerCase()) e.add("tenant", resourceTenant, "resource-tenant");
    // sessionId is the Entra session (many tokens); uniqueTokenIdentifier the one token this
    // sign-in issued. The audit log's AppAccessContext carries both (AADSessionId, UniqueTokenId),
    // so they join a mailbox access to the sign-in behind it. Correlation ids only group the
    // requests of one client flow and stay in raw.
    e.add("session", f.text("sessionId"), "aad-session");
    e.add("session", f.text("uniqueTokenIdentifier"), "token");

    const kind =
      category === "NonInteractiveUserSignInLogs"
        ? "Non-interactive sign-in"
        : category.startsWith("ServicePrincipal") || category.startsWith("ManagedIdentity")
          ? "Service principal sign-in"
          : "Sign-in";
    let message = `${kind} by ${actor ?? "(unknown user)"}`;
    if (app) message += ` to ${app}`;
    if (resource && resource !== app) message += ` (resource ${resource})`;
    if (ip) message += ` from ${ip}`;
    const where = locationOf(f);
    if (where) message += ` (${where})`;
    if (outcome === "success") message += " — success";
    else if (outcome) message += ` — ${code !== undefined ? `failure ${code}` : outcome}${reason ? `: ${clip(reason, 200)}` : ""}`;

    const id = f.text("id", "Request ID");
    return {
      message,
      action: kind,
      category,
      outcome,
      actor,
      host: asText(at(f.json("DeviceDetail_dynamic", "deviceDetail"), "displayName")),
      srcIp: ip,
      target: resource ?? app,
      // One sign-in id can recur across an export's rows (a multi-step sign-in): with its second it is unique.
      nativeId: id === undefined ? undefined : `${id}|${instantKey(time)}`,
      entities: e.refs,
      time,
      isZoneStated: true,
      timestampDesc: "Sign-in Time",
      timeField: TIME_FIELDS.find((n) => n in raw) ?? "createdDateTime",
    };
  };
}

function statusOf(f: Fields): { code?: string; reason?: string; outcome?: string } {
  const status = f.json("Status_dynamic", "status");
  const code = f.text("ResultType") ?? asText(at(status, "errorCode")) ?? f.text("Sign-in error code");
  const reason = asText(at(status, "failureReason")) ?? f.text("ResultDescription", "Failure reason");
  // The portal CSV's Status column is text: Success, Failure, Interrupted.
  const outcome = outcomeOfCode(code, typeof status === "string" ? status : undefined);
  return { code: outcome === "success" ? undefined : code, reason, outcome };
}

/** Log Analytics names the table in Category; Graph (beta) lists signInEventTypes, or says isInteractive. */
function categoryOf(f: Fields): string {
  const category = f.text("Category");
  if (category) return category;
  const types = f.json("signInEventTypes");
  if (Array.isArray(types)) {
    if (types.includes("servicePrincipal")) return "ServicePrincipalSignInLogs";
    if (types.includes("managedIdentity")) return "ManagedIdentitySignInLogs";
    if (types.includes("nonInteractiveUser")) return "NonInteractiveUserSignInLogs";
  }
  const interactive = f.text("isInteractive")?.toLowerCase();
  return interactive === "false" ? "NonInteractiveUserSignInLogs" : "SignInLogs";
}

function locationOf(f: Fields): string | undefined {
  // Log Analytics' "Location" is only the country; its LocationDetails (and Graph's location) say more.
  const loc = f.json("LocationDetails_dynamic", "LocationDetails", "location");
  if (isObject(loc)) {
    const parts = [loc.city, loc.state, loc.countryOrRegion].map(asText).filter(Boolean);
    return parts.length ? parts.join(", ") : undefined;
  }
  return asText(loc);
}
