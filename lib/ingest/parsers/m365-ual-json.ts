import type { Format, Sample } from "../formats/format";
import { mapAuditRecord } from "./m365-audit-record";
import { fieldsOf } from "./ms-fields";
import { createMsMapper, type MsDraft } from "./ms-mapper";
import { createMsRecordParser, sampleInfo } from "./ms-records";

function read(raw: Record<string, unknown>): MsDraft {
  const f = fieldsOf(raw, { loose: false });
  return {
    ...mapAuditRecord(f),
    // CreationTime carries no zone ("2023-05-15T03:12:44") but the schema defines it as UTC.
    time: f.text("CreationTime"),
    isZoneStated: true,
    timestampDesc: "Creation Time",
    timeField: "CreationTime",
  };
}

function detect(sample: Sample): number {
  const { container, keys } = sampleInfo(sample);
  if (container.kind === "csv") return 0;
  const k = new Set(keys);
  if (!(k.has("Id") && k.has("RecordType") && k.has("CreationTime") && k.has("Operation"))) return 0;
  return k.has("Workload") || k.has("OrganizationId") || k.has("UserId") ? 96 : 88;
}

export const m365UalJsonFormat: Format = {
  name: "m365-ual-json",
  label: "Microsoft 365 audit log (Management Activity API JSON)",
  description:
    'Unified Audit Log records as the Office 365 Management Activity API returns them (Id, RecordType, CreationTime, Operation, Workload, UserId, ClientIP…): a JSON array, a {"value":[…]} page, or one record per line. CreationTime is UTC.',
  example:
    '{"Id":"6f1c2a9e-0000-4000-8000-000000000001","RecordType":50,"CreationTime":"2023-05-15T03:12:44","Operation":"MailItemsAccessed","Workload":"Exchange","UserId":"victim@contoso.test","ClientIPAddress":"203.0.113.7","AppId":"00000002-0000-0ff1-ce00-000000000000","MailboxOwnerUPN":"victim@contoso.test","OperationProperties":[{"Name":"MailAccessType","Value":"Bind"}]}',
  detect,
  createParser: createMsRecordParser,
  createMapper: (_sample, mapping) => createMsMapper(read, mapping),
  sampleFields: (sample) => sampleInfo(sample).keys,
};
