import type { ParseOutput, RecordParser } from "../canonical";
import { type Format, isObject, type Sample, tryJson } from "../formats/format";
import { mapAuditRecord } from "./m365-audit-record";
import { fieldsOf } from "./ms-fields";
import { createMsMapper, type MsDraft } from "./ms-mapper";
import { createMsRecordParser, sampleInfo } from "./ms-records";

/**
 * The parsed AuditData, kept beside the original text so that AppId, ClientAppId, SessionId,
 * OperationProperties and Folders can be queried in raw; the AuditData cell itself stays as read.
 */
export const AUDIT_DATA_PARSED = "AuditData_parsed";

function auditDataOf(raw: Record<string, unknown>): Record<string, unknown> | undefined {
  const parsed = raw[AUDIT_DATA_PARSED];
  if (isObject(parsed)) return parsed;
  const text = raw.AuditData;
  if (isObject(text)) return text;
  const v = typeof text === "string" ? tryJson(text) : undefined;
  return isObject(v) ? v : undefined;
}

function createParser(sample: Sample): RecordParser {
  const inner = createMsRecordParser(sample);
  const addParsed = (outs: ParseOutput[]) => {
    for (const o of outs) {
      if (o.kind !== "record" || typeof o.raw.AuditData !== "string" || AUDIT_DATA_PARSED in o.raw) continue;
      const v = tryJson(o.raw.AuditData);
      if (isObject(v)) o.raw[AUDIT_DATA_PARSED] = v;
    }
    return outs;
  };
  return { push: (lines) => addParsed(inner.push(lines)), end: () => addParsed(inner.end()) };
}

function read(raw: Record<string, unknown>): MsDraft {
  const audit = auditDataOf(raw);
  // The envelope's columns stand in for the record's own fields when AuditData is cut or broken
  // (Excel truncates cells at 32,767 characters): the row is still imported, and says so.
  const f = audit ? fieldsOf(audit, { fallback: raw, loose: false }) : fieldsOf(raw, { loose: false });
  const draft = mapAuditRecord(f);
  if (!audit)
    draft.message += typeof raw.AuditData === "string" && raw.AuditData.trim() ? " [AuditData is not valid JSON]" : " [no AuditData]";
  // The record's own CreationTime (ISO, UTC) is unambiguous; CreationDate is written in the
  // exporting machine's locale (5/15/2023 3:12:44 AM, 15/05/2023 03:12:44) and only a fallback.
  const time = f.text("CreationTime") ?? f.text("CreationDate");
  return {
    ...draft,
    nativeId: draft.nativeId ?? f.text("Identity"),
    time,
    isZoneStated: true,
    timestampDesc: "Creation Time",
    timeField: "CreationDate",
  };
}

function detect(sample: Sample): number {
  const keys = new Set(sampleInfo(sample).keys);
  if (!keys.has("AuditData") || !keys.has("CreationDate")) return 0;
  // Purview (UserIds/Operations or UserId/Operation) and Search-UnifiedAuditLog name both; AuditData + CreationDate alone is still this.
  return (keys.has("Operations") || keys.has("Operation")) && (keys.has("UserIds") || keys.has("UserId")) ? 98 : 90;
}

export const m365UalCsvFormat: Format = {
  name: "m365-ual-csv",
  label: "Microsoft 365 audit log export (Purview / Search-UnifiedAuditLog)",
  description:
    "Unified Audit Log rows with the record as JSON in AuditData: Purview's export (CreationDate, UserIds, Operations, AuditData, or RecordId, CreationDate, RecordType, Operation, UserId, AuditData, …) and Search-UnifiedAuditLog | Export-Csv (with or without the #TYPE line). Times are UTC; the parsed AuditData is kept in raw as AuditData_parsed.",
  example:
    'CreationDate,UserIds,Operations,AuditData\n2023-05-15T03:12:44.0000000Z,victim@contoso.test,MailItemsAccessed,"{""Id"":""6f1c…"",""CreationTime"":""2023-05-15T03:12:44"",""Operation"":""MailItemsAccessed"",""UserId"":""victim@contoso.test"",""ClientIPAddress"":""203.0.113.7"",""AppId"":""00000002-0000-0ff1-ce00-000000000000"",""MailboxOwnerUPN"":""victim@contoso.test"",""OperationProperties"":[{""Name"":""MailAccessType"",""Value"":""Bind""}]}"',
  detect,
  createParser,
  createMapper: (_sample, mapping) => createMsMapper(read, mapping),
  sampleFields: (sample) => sampleInfo(sample).keys,
};
