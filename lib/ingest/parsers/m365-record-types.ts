/**
 * AuditLogRecordType numbers (Office 365 Management Activity API schema) for the record types an
 * investigation meets most. The API and Log Analytics write the number (`50`), Purview the name;
 * both are kept in raw, the name is shown.
 */
const RECORD_TYPES: Record<number, string> = {
  1: "ExchangeAdmin",
  2: "ExchangeItem",
  3: "ExchangeItemGroup",
  4: "SharePoint",
  6: "SharePointFileOperation",
  7: "OneDrive",
  8: "AzureActiveDirectory",
  9: "AzureActiveDirectoryAccountLogon",
  10: "DataCenterSecurityCmdlet",
  11: "ComplianceDLPSharePoint",
  13: "ComplianceDLPExchange",
  14: "SharePointSharingOperation",
  15: "AzureActiveDirectoryStsLogon",
  18: "SecurityComplianceCenterEOPCmdlet",
  19: "ExchangeAggregatedOperation",
  20: "PowerBIAudit",
  24: "Discovery",
  25: "MicrosoftTeams",
  28: "ThreatIntelligence",
  29: "MailSubmission",
  30: "MicrosoftFlow",
  36: "SharePointListOperation",
  40: "SecurityComplianceAlerts",
  47: "ThreatIntelligenceAtpContent",
  50: "ExchangeItemAggregated",
  52: "DataInsightsRestApiAudit",
  54: "SharePointListItemOperation",
  55: "SharePointContentTypeOperation",
  56: "SharePointFieldOperation",
  57: "MicrosoftTeamsAdmin",
  64: "AirInvestigation",
  65: "Quarantine",
  66: "MicrosoftForms",
  101: "ExchangeSearch",
  102: "SharePointSearch",
};

/** The record type's name: a known number becomes its name, a name or an unknown number stays as written. */
export function recordTypeName(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return value;
  return RECORD_TYPES[Number(value)] ?? value;
}
