import type { Format, Sample } from "../formats/format";
import { mapAuditRecord } from "./m365-audit-record";
import { fieldsOf } from "./ms-fields";
import { createMsMapper, type MsDraft } from "./ms-mapper";
import { createMsRecordParser, sampleInfo } from "./ms-records";

function read(raw: Record<string, unknown>): MsDraft {
  const f = fieldsOf(raw, { loose: false });
  return {
    // Same records as the audit log under Log Analytics' names (OfficeWorkload, OfficeObjectId, OfficeId…).
    ...mapAuditRecord(f),
    // For this table TimeGenerated is the record's CreationTime, in UTC (the portal's CSV says so in the column name).
    time: f.text("TimeGenerated [UTC]", "TimeGenerated"),
    isZoneStated: true,
    timestampDesc: "Creation Time",
    timeField: "TimeGenerated [UTC]",
  };
}

function detect(sample: Sample): number {
  const k = new Set(sampleInfo(sample).keys);
  const hasTime = k.has("TimeGenerated [UTC]") || k.has("TimeGenerated");
  if (!(hasTime && k.has("OfficeWorkload") && k.has("Operation"))) return 0;
  return k.has("OfficeId") || k.has("UserId") ? 96 : 90;
}

export const m365OfficeActivityFormat: Format = {
  name: "m365-office-activity",
  label: "Microsoft 365 OfficeActivity (Log Analytics / Sentinel export)",
  description:
    "The OfficeActivity table exported from Log Analytics or Microsoft Sentinel (TimeGenerated [UTC], Operation, UserId, ClientIP, Client_IPAddress, OfficeWorkload, MailboxOwnerUPN, Folders, OperationProperties…), as CSV or JSON. Nested JSON cells are read for the message and kept as written.",
  example:
    'TimeGenerated [UTC],Operation,UserId,ClientIP,OfficeWorkload,RecordType,OfficeId\n"5/15/2023, 3:12:44.000 AM",FileDownloaded,victim@contoso.test,203.0.113.7,OneDrive,SharePointFileOperation,6f1c2a9e-0000-4000-8000-000000000002',
  detect,
  createParser: createMsRecordParser,
  createMapper: (_sample, mapping) => createMsMapper(read, mapping),
  sampleFields: (sample) => sampleInfo(sample).keys,
};
