import { getField } from "../field-mapping";
import { isObject, tryJson } from "../formats/format";

/** The CloudTrail fields the mapper uses, read from whichever shape the record came in. */
export type CloudTrailFacts = {
  time?: string | number;
  eventName?: string;
  eventSource?: string;
  eventId?: string;
  arn?: string;
  userName?: string;
  principalId?: string;
  invokedBy?: string;
  accessKeyId?: string;
  actorAccount?: string;
  sourceIp?: string;
  region?: string;
  errorCode?: string;
  errorMessage?: string;
  recipientAccount?: string;
  /** "success" | "failure" when the shape says so without an errorCode (ConsoleLogin, ECS event.outcome). */
  statedOutcome?: string;
  resource?: string;
};

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined);

/** camelCase CloudTrail path → the snake_case Filebeat writes under aws.cloudtrail ("userIdentity.accessKeyId" → "user_identity.access_key_id"). */
function snake(path: string): string {
  return path.replace(/([a-z0-9])([A-Z]+)/g, "$1_$2").toLowerCase();
}

/**
 * The CloudTrail record itself: Lookup-events output wraps it as a JSON string (CloudTrailEvent),
 * Elastic copies may keep it as event.original; otherwise the record is the object read.
 */
function innerRecord(raw: Record<string, unknown>): Record<string, unknown> {
  for (const key of ["CloudTrailEvent", "event.original"]) {
    const v = getField(raw, key);
    const parsed = typeof v === "string" ? tryJson(v) : undefined;
    if (isObject(parsed) && typeof parsed.eventName === "string") return parsed;
  }
  return raw;
}

/** Reads the record in any of its shapes: native, Lookup-events, Logstash/Elastic (nested or dotted). */
export function cloudTrailFacts(raw: Record<string, unknown>): CloudTrailFacts {
  const inner = innerRecord(raw);
  // A CloudTrail field as written, then under aws.cloudtrail in either spelling; ECS names last.
  const ct = (path: string, ...fallbacks: string[]): string | undefined => {
    for (const [obj, key] of [
      [inner, path],
      [raw, path],
      [raw, `aws.cloudtrail.${path}`],
      [raw, `aws.cloudtrail.${snake(path)}`],
      ...fallbacks.map((f) => [raw, f] as const),
    ] as const) {
      const v = str(getField(obj, key));
      if (v !== undefined) return v;
    }
    return undefined;
  };
  // eventTime is CloudTrail's own; Lookup-events' EventTime and Logstash's @timestamp are copies of it.
  const time = [inner.eventTime, getField(raw, "aws.cloudtrail.eventTime"), raw.EventTime, raw["@timestamp"]].find(
    (t) => typeof t === "number" || (typeof t === "string" && t !== ""),
  );
  const consoleLogin = ct("responseElements.ConsoleLogin");
  const ecsOutcome = str(getField(raw, "event.outcome"));
  const resources = getField(inner, "resources");
  const firstResource = Array.isArray(resources) && isObject(resources[0]) ? str(resources[0].ARN) : undefined;
  const lookupResources = raw.Resources;
  const lookupResource = Array.isArray(lookupResources) && isObject(lookupResources[0]) ? str(lookupResources[0].ResourceName) : undefined;
  return {
    time: time as string | number | undefined,
    eventName: ct("eventName", "EventName", "event.action"),
    eventSource: ct("eventSource", "EventSource", "event.provider"),
    eventId: ct("eventID", "EventId", "event.id"),
    arn: ct("userIdentity.arn"),
    userName: ct("userIdentity.userName", "Username", "user.name"),
    principalId: ct("userIdentity.principalId"),
    invokedBy: ct("userIdentity.invokedBy"),
    accessKeyId: ct("userIdentity.accessKeyId", "AccessKeyId"),
    actorAccount: ct("userIdentity.accountId"),
    sourceIp: ct("sourceIPAddress", "source.ip", "source.address"),
    region: ct("awsRegion", "cloud.region"),
    errorCode: ct("errorCode"),
    errorMessage: ct("errorMessage"),
    recipientAccount: ct("recipientAccountId", "cloud.account.id"),
    statedOutcome: consoleLogin ? consoleLogin.toLowerCase() : ecsOutcome,
    resource: firstResource ?? lookupResource ?? ct("resources.ARN"),
  };
}

/** A record of CloudTrail in one of the shapes this format reads (not an S3 notification, whose eventSource is "aws:s3"). */
export function isCloudTrailRecord(o: Record<string, unknown>): boolean {
  if (typeof o.eventName === "string" && typeof o.eventSource === "string" && o.eventSource.endsWith("amazonaws.com")) return true;
  if (typeof o.EventId === "string" && ("CloudTrailEvent" in o || ("EventName" in o && "EventSource" in o))) return true;
  if (getField(o, "event.dataset") === "aws.cloudtrail" || isObject(getField(o, "aws.cloudtrail"))) return true;
  return Object.keys(o).some((k) => k.startsWith("aws.cloudtrail."));
}
