import type { Format, Sample } from "../formats/format";
import { createSigninReader } from "./entra-signin-record";
import { createMsMapper } from "./ms-mapper";
import { createMsRecordParser, sampleInfo } from "./ms-records";

// The three exports share one reader, which knows every spelling; they differ in how they are
// recognised and named, so each can be forced with --format.
const shared = {
  createParser: createMsRecordParser,
  createMapper: (_sample: Sample, mapping: Parameters<Format["createMapper"]>[1]) => createMsMapper(createSigninReader(), mapping),
  sampleFields: (sample: Sample) => sampleInfo(sample).keys,
};

const has = (keys: Set<string>, ...names: string[]) => names.some((n) => keys.has(n));

export const entraSigninJsonFormat: Format = {
  name: "entra-signin-json",
  label: "Entra ID sign-in log (Graph API / portal JSON)",
  description:
    'Microsoft Graph signIn records (id, createdDateTime, userPrincipalName, appId, ipAddress, status{errorCode,failureReason}, location, deviceDetail…), as the portal\'s JSON download, a JSON array, a {"value":[…]} page or one per line. errorCode 0 is success.',
  example:
    '{"id":"0b5e…","createdDateTime":"2023-06-14T08:01:12.1234567Z","userPrincipalName":"victim@contoso.test","appId":"00000002-0000-0ff1-ce00-000000000000","appDisplayName":"Office 365 Exchange Online","ipAddress":"203.0.113.7","status":{"errorCode":0},"location":{"city":"Example City","countryOrRegion":"XX"}}',
  detect(sample) {
    const { container, keys } = sampleInfo(sample);
    const k = new Set(keys);
    if (container.kind === "csv" || !k.has("createdDateTime")) return 0;
    return has(k, "userPrincipalName", "userId", "servicePrincipalId") && has(k, "appId", "appDisplayName") ? 96 : 0;
  },
  ...shared,
};

export const entraSigninCsvFormat: Format = {
  name: "entra-signin-csv",
  label: "Entra ID sign-in log (portal CSV download)",
  description:
    'The Entra admin center\'s "Download CSV" of sign-ins (Date (UTC), Request ID, User, Username, Application, Application ID, IP address, Location, Status, Sign-in error code, Failure reason, …). Date (UTC) is UTC.',
  example:
    'Date (UTC),Request ID,User,Username,Application,Application ID,IP address,Location,Status,Sign-in error code,Failure reason\n2023-06-14T08:01:12Z,0b5e…,Victim,victim@contoso.test,Office 365 Exchange Online,00000002-0000-0ff1-ce00-000000000000,203.0.113.7,"Example City, XX",Success,0,',
  detect(sample) {
    const { container, keys } = sampleInfo(sample);
    const k = new Set(keys);
    if (container.kind !== "csv" || !(k.has("Date (UTC)") && k.has("Request ID"))) return 0;
    return has(k, "IP address", "Application ID", "Username") ? 96 : 0;
  },
  ...shared,
};

export const entraSigninLaFormat: Format = {
  name: "entra-signin-la",
  label: "Entra ID SigninLogs (Log Analytics / Sentinel export)",
  description:
    "The SigninLogs table (also AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs) exported from Log Analytics or Sentinel, as CSV or JSON: CreatedDateTime [UTC], UserPrincipalName, AppId, IPAddress, ResultType (0 = success), with nested columns (Status, LocationDetails, DeviceDetail, AuthenticationDetails) as JSON text.",
  example:
    'CreatedDateTime [UTC],Id,UserPrincipalName,AppId,AppDisplayName,IPAddress,ResultType,ResultDescription,Category\n"6/14/2023, 8:01:12.123 AM",0b5e…,victim@contoso.test,00000002-0000-0ff1-ce00-000000000000,Office 365 Exchange Online,203.0.113.7,50126,Invalid username or password,SignInLogs',
  detect(sample) {
    const k = new Set(sampleInfo(sample).keys);
    const hasTime = has(k, "CreatedDateTime [UTC]", "CreatedDateTime", "TimeGenerated [UTC]", "TimeGenerated");
    if (!(hasTime && k.has("ResultType") && k.has("AppId") && k.has("IPAddress"))) return 0;
    return has(k, "UserPrincipalName", "ServicePrincipalId") ? 96 : 0;
  },
  ...shared,
};
