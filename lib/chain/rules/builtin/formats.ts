/** Source formats that carry Windows event records, whatever tool exported them. */
export const WINDOWS_FORMATS = ["windows-xml", "windows-flat-json", "winlogbeat-json", "evtx-dump-json", "evtxecmd-json", "evtxecmd-csv"];
/** Entra ID sign-in exports. */
export const SIGNIN_FORMATS = ["entra-signin-json", "entra-signin-la", "entra-signin-csv"];
/** Microsoft 365 unified audit log exports. */
export const M365_FORMATS = ["m365-ual-json", "m365-ual-csv", "m365-office-activity"];
