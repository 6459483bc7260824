import { isIP } from "node:net";
import type { EntityRef, EventDraft, RecordMapper } from "../canonical";
import { REDACTED_PREFIX } from "../redact/types";
import { type CloudTrailFacts, cloudTrailFacts } from "./cloudtrail-fields";

function outcomeOf(f: CloudTrailFacts): string {
  if (f.errorCode) return f.errorCode;
  return f.statedOutcome ?? "success";
}

function entitiesOf(f: CloudTrailFacts, actor: string | undefined): EntityRef[] {
  const out: EntityRef[] = [];
  // Redaction masks access key ids (AKIA…/ASIA…) before mapping; every masked key reads the same,
  // so an entity for it would join unrelated keys.
  if (f.accessKeyId && !f.accessKeyId.startsWith(REDACTED_PREFIX)) out.push({ kind: "key", value: f.accessKeyId, role: "access-key" });
  if (f.recipientAccount) out.push({ kind: "tenant", value: f.recipientAccount, role: "recipient-account" });
  if (f.actorAccount && f.actorAccount !== f.recipientAccount) out.push({ kind: "tenant", value: f.actorAccount, role: "actor-account" });
  if (f.userName && f.userName !== actor) out.push({ kind: "account", value: f.userName, role: "user-name" });
  // An AWS service calling on a user's behalf puts its name where the IP would be ("ec2.amazonaws.com").
  if (f.sourceIp && isIP(f.sourceIp) === 0) out.push({ kind: "app", value: f.sourceIp, role: "caller-service" });
  if (f.invokedBy && f.invokedBy !== f.sourceIp) out.push({ kind: "app", value: f.invokedBy, role: "invoked-by" });
  return out;
}

/** "ConsoleLogin by alice from 203.0.113.7 (signin.amazonaws.com, us-east-1) — failure: Failed authentication" */
function messageOf(f: CloudTrailFacts, outcome: string): string {
  const who = f.userName ?? f.arn ?? f.principalId ?? f.invokedBy;
  const where = [f.eventSource, f.region].filter(Boolean).join(", ");
  const parts = [
    f.eventName ?? "CloudTrail event",
    who && `by ${who}`,
    f.sourceIp && `from ${f.sourceIp}`,
    where && `(${where})`,
    f.resource && `on ${f.resource}`,
  ];
  const failed = outcome !== "success" ? ` — ${outcome}${f.errorMessage ? `: ${f.errorMessage}` : ""}` : "";
  return `${parts.filter(Boolean).join(" ")}${failed}`;
}

export const mapCloudTrail: RecordMapper = (raw) => {
  const f = cloudTrailFacts(raw);
  if (f.time === undefined) return { error: "no eventTime (or EventTime / @timestamp) in the CloudTrail record" };
  const actor = f.arn ?? f.userName ?? f.principalId ?? f.invokedBy;
  const outcome = outcomeOf(f);
  const draft: EventDraft = {
    time: f.time,
    message: messageOf(f, outcome),
    action: f.eventName,
    category: f.eventSource,
    outcome,
    actor,
    srcIp: f.sourceIp,
    target: f.resource,
    nativeId: f.eventId,
    entities: entitiesOf(f, actor),
  };
  // aws-cli v1 prints Lookup-events' EventTime as epoch seconds (1684120364.0).
  if (typeof f.time === "number") draft.timeFormat = "epoch-s";
  return draft;
};
