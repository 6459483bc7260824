import type { Format, Sample } from "../formats/format";
import { readDirectoryAudit } from "./entra-audit-record";
import { createMsMapper } from "./ms-mapper";
import { createMsRecordParser, sampleInfo } from "./ms-records";

const shared = {
  createParser: createMsRecordParser,
  createMapper: (_sample: Sample, mapping: Parameters<Format["createMapper"]>[1]) => createMsMapper(readDirectoryAudit, mapping),
  sampleFields: (sample: Sample) => sampleInfo(sample).keys,
};

export const entraAuditJsonFormat: Format = {
  name: "entra-audit-json",
  label: "Entra ID audit log (Graph directoryAudit / portal JSON)",
  description:
    'Microsoft Graph directoryAudit records (id, activityDateTime, activityDisplayName, category, result, initiatedBy{user|app}, targetResources[…], additionalDetails), as the portal\'s JSON download, a JSON array, a {"value":[…]} page or one per line.',
  example:
    '{"id":"Directory_0b5e…","activityDateTime":"2023-06-14T08:05:00.1234567Z","activityDisplayName":"Add member to role","category":"RoleManagement","result":"success","initiatedBy":{"user":{"userPrincipalName":"admin@contoso.test","ipAddress":"203.0.113.9"}},"targetResources":[{"type":"User","userPrincipalName":"victim@contoso.test"}]}',
  detect(sample) {
    const { container, keys } = sampleInfo(sample);
    const k = new Set(keys);
    if (container.kind === "csv") return 0;
    return k.has("activityDateTime") && k.has("activityDisplayName") && (k.has("initiatedBy") || k.has("targetResources")) ? 96 : 0;
  },
  ...shared,
};

export const entraAuditLaFormat: Format = {
  name: "entra-audit-la",
  label: "Entra ID AuditLogs (Log Analytics / Sentinel export)",
  description:
    "The AuditLogs table exported from Log Analytics or Sentinel, as CSV or JSON: ActivityDateTime [UTC] (else TimeGenerated), OperationName / ActivityDisplayName, Category, Result, InitiatedBy and TargetResources as JSON text.",
  example:
    'TimeGenerated [UTC],ActivityDateTime [UTC],Id,OperationName,Category,Result,InitiatedBy,TargetResources\n"6/14/2023, 8:05:00.123 AM","6/14/2023, 8:05:00.123 AM",Directory_0b5e…,Add member to role,RoleManagement,success,"{""user"":{""userPrincipalName"":""admin@contoso.test""}}","[{""type"":""User"",""userPrincipalName"":""victim@contoso.test""}]"',
  detect(sample) {
    const k = new Set(sampleInfo(sample).keys);
    const hasTime = ["ActivityDateTime [UTC]", "ActivityDateTime", "TimeGenerated [UTC]", "TimeGenerated"].some((n) => k.has(n));
    if (!(hasTime && k.has("InitiatedBy") && k.has("TargetResources"))) return 0;
    return k.has("ActivityDisplayName") || k.has("OperationName") ? 96 : 0;
  },
  ...shared,
};
