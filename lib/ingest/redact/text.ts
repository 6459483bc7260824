import { redactBasic, redactBearer } from "./auth-headers";
import { redactJwts } from "./jwt";
import { redactPairs } from "./pairs";
import { redactAwsKeyIds, redactUrlPasswords } from "./patterns";
import { redactPem } from "./pem";
import {
  scanTriggers,
  TRIGGER_AWS_KEY_ID,
  TRIGGER_BASIC,
  TRIGGER_BEARER,
  TRIGGER_JWT,
  TRIGGER_PAIR,
  TRIGGER_PEM,
  TRIGGER_URL,
} from "./prefilter";
import type { RedactionFinding } from "./types";

/**
 * Runs the rules a string's trigger words call for, in an order where earlier rules protect
 * later ones: PEM blocks go first so their base64 cannot look like anything else; Bearer before
 * the bare-JWT rule so a header token is reported once; AWS key ids before key=value pairs so
 * `Credential=AKIA…/20230705/us-east-1/s3/aws4_request` keeps its readable scope. Pairs come
 * last and skip values that already hold a marker.
 */
export function redactTriggered(text: string, mask: number, field: string, findings: RedactionFinding[]): string {
  const before = findings.length;
  let out = text;
  if (mask & TRIGGER_PEM) out = redactPem(out, field, findings);
  if (mask & TRIGGER_BEARER) out = redactBearer(out, field, findings);
  if (mask & TRIGGER_BASIC) out = redactBasic(out, field, findings);
  if (mask & TRIGGER_JWT) out = redactJwts(out, field, findings);
  if (mask & TRIGGER_URL) out = redactUrlPasswords(out, field, findings);
  if (mask & TRIGGER_AWS_KEY_ID) out = redactAwsKeyIds(out, field, findings);
  if (mask & TRIGGER_PAIR) out = redactPairs(out, field, findings);
  // Every change comes with a finding, so "no new finding" means "same string" to callers.
  return findings.length === before ? text : out;
}

/** Redacts secrets in one string; appends a finding per redaction. Returns `text` itself when nothing matched. */
export function redactText(text: string, field: string, findings: RedactionFinding[]): string {
  const mask = scanTriggers(text);
  return mask === 0 ? text : redactTriggered(text, mask, field, findings);
}
