import type { Format } from "../formats/format";
import { entraAuditJsonFormat, entraAuditLaFormat } from "./entra-audit-formats";
import { entraSigninCsvFormat, entraSigninJsonFormat, entraSigninLaFormat } from "./entra-signin-formats";
import { m365OfficeActivityFormat } from "./m365-office-activity";
import { m365UalCsvFormat } from "./m365-ual-csv";
import { m365UalJsonFormat } from "./m365-ual-json";

/**
 * Microsoft 365 audit, Entra ID sign-in and audit logs. Each recognises its own field names, so
 * they never tie on a file; the order only matters against other groups' formats.
 */
export const MICROSOFT_CLOUD_FORMATS: readonly Format[] = [
  m365UalCsvFormat,
  m365UalJsonFormat,
  m365OfficeActivityFormat,
  entraSigninJsonFormat,
  entraSigninCsvFormat,
  entraSigninLaFormat,
  entraAuditJsonFormat,
  entraAuditLaFormat,
];
