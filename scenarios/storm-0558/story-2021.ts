// The 2021 half of the story, shared by the files that show it: the crash dump's names and
// paths, the credential scan, and the engineer account's token replay. Exact days and times are
// invented; the month of the crash and the Apr–Aug 2021 compromise follow the public record.

import { SIGNING_APP } from "./cast";
import { stableB64url, stableHex, stableUuid } from "./random";

const archive = `AppCrash_${SIGNING_APP.exe.slice(0, 15)}_${stableHex("wer:sha1", 40)}_${stableHex("wer:a", 8)}_${stableHex("wer:b", 8)}`;

export const CRASH = {
  at: "2021-04-20T07:42:13.485Z",
  reportId: stableUuid("wer:report-id"),
  archive,
  archivePath: `C:\\ProgramData\\Microsoft\\Windows\\WER\\ReportArchive\\${archive}`,
} as const;

const shareDay = "MSASIGN\\2021-04-20";
export const SIGNING_DUMP = {
  shareDay,
  shareDir: `${shareDay}\\${archive}`,
  shareFile: `${shareDay}\\${archive}\\memory.hdmp`,
  bytes: 1_874_329_600,
} as const;

/** The transfer account copies the dump in; weeks later the engineer account opens it. */
export const DUMP_ARRIVES = "2021-04-20T08:19:52.314Z";
export const DUMP_READ = "2021-06-08T03:14:07.880Z";

/** The nightly scan that took the dump in and found nothing. */
export const SCAN = { at: "2021-04-20T23:07:41.226Z", runId: "cs-20210420-2300" } as const;

/** Legitimate interactive sign-ins whose session tokens were later replayed. */
export const CAPTURED_TOKENS = [
  {
    ref: "signin.captured-token-1",
    at: "2021-05-17T16:02:11.418Z",
    uti: stableB64url("uti:captured-1", 22),
    id: stableUuid("signin:captured-1"),
  },
  {
    ref: "signin.captured-token-2",
    at: "2021-06-07T17:25:48.903Z",
    uti: stableB64url("uti:captured-2", 22),
    id: stableUuid("signin:captured-2"),
  },
] as const;

/** Replay sessions from the unfamiliar infrastructure: start time and which captured token. */
export const REPLAY_SESSIONS: readonly { at: string; token: 0 | 1 }[] = [
  { at: "2021-05-18T02:11:05.120Z", token: 0 },
  { at: "2021-05-19T01:47:33.804Z", token: 0 },
  { at: "2021-05-21T03:05:12.377Z", token: 0 },
  { at: "2021-05-25T02:38:41.915Z", token: 0 },
  { at: "2021-06-08T02:58:19.602Z", token: 1 },
  { at: "2021-06-15T01:22:50.048Z", token: 1 },
  { at: "2021-06-29T02:41:27.731Z", token: 1 },
  { at: "2021-07-13T03:16:04.269Z", token: 1 },
];

/** What the actor did in SharePoint from the replay address: [session, minutes in, operation, query or path]. */
export const SHAREPOINT_ACTIONS: readonly [number, number, "SearchQueryPerformed" | "FileAccessed", string][] = [
  [0, 3, "SearchQueryPerformed", "signing key rotation"],
  [0, 5, "SearchQueryPerformed", "MSA token signing service"],
  [0, 9, "FileAccessed", "/sites/IdentityPlatform/Shared Documents/MSA/Signing-Service-Architecture.docx"],
  [1, 4, "SearchQueryPerformed", "Azure service management certificate"],
  [1, 7, "FileAccessed", "/sites/AzureServiceMgmt/Shared Documents/Management-Certificates-Overview.docx"],
  [2, 2, "SearchQueryPerformed", "key store access ESTS"],
  [2, 6, "FileAccessed", "/sites/IdentityPlatform/Shared Documents/ESTS/Key-Rollover-Runbook.docx"],
  [3, 3, "SearchQueryPerformed", "crash dump debugging environment"],
  [3, 8, "FileAccessed", "/sites/MSA-Engineering/Shared Documents/Debugging/Debug-Environment-Access-Guide.docx"],
  [4, 5, "SearchQueryPerformed", "signing system crash dump"],
  [5, 4, "SearchQueryPerformed", "Azure RDFE management API"],
  [5, 9, "FileAccessed", "/sites/AzureServiceMgmt/Shared Documents/RDFE/Service-Management-API-Internals.docx"],
  [6, 6, "SearchQueryPerformed", "token validation issuer common endpoint"],
  [6, 11, "FileAccessed", "/sites/IdentityPlatform/Shared Documents/Metadata/Common-Endpoint-Key-Metadata.docx"],
  [7, 4, "SearchQueryPerformed", "consumer signing keys JWKS"],
];
