/**
 * Outcomes are written "success" or "failure", with the service's own code in brackets when it
 * has one ("failure (50126)"), so a filter on the word and a count by code both work.
 */

const SUCCESS = new Set(["succeeded", "success", "true", "0"]);
const FAILURE = new Set(["failed", "failure", "false"]);

/** UAL ResultStatus (Succeeded, PartiallySucceeded, Failed; True/False for Exchange cmdlets) or Entra `result`. */
export function outcomeOfStatus(status: string | undefined): string | undefined {
  if (status === undefined) return undefined;
  const s = status.trim().toLowerCase();
  if (s === "") return undefined;
  if (SUCCESS.has(s)) return "success";
  if (FAILURE.has(s)) return "failure";
  if (s === "partiallysucceeded") return "partial";
  return s;
}

/** An Entra sign-in error code: 0 is success, anything else a failure with its code. */
export function outcomeOfCode(code: string | undefined, status?: string): string | undefined {
  if (code !== undefined && /^-?\d+$/.test(code)) return Number(code) === 0 ? "success" : `failure (${code})`;
  // The portal CSV also says "Interrupted" (MFA or consent pending): not a success, so a failure.
  const s = outcomeOfStatus(status);
  return s === "interrupted" ? `failure (${code ?? "interrupted"})` : s;
}
