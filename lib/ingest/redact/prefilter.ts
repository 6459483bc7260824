/**
 * One case-insensitive pass over a string decides whether any rule can match. Almost every log
 * string carries none of the trigger words, so redaction costs that single scan. A string that
 * does carry one is scanned once per rule family, and only the families it can trigger run.
 */

export const TRIGGER_PEM = 1;
export const TRIGGER_JWT = 2;
export const TRIGGER_BEARER = 4;
export const TRIGGER_BASIC = 8;
export const TRIGGER_AWS_KEY_ID = 16;
export const TRIGGER_URL = 32;
/** Key names that announce a secret value: password=…, client_secret: …, AccountKey=…, sig=… */
export const TRIGGER_PAIR = 64;

// Plain literals only, so every scan is linear in the string's length whatever it contains.
const FAMILIES: [number, RegExp][] = [
  [TRIGGER_PEM, /-----begin /i],
  [TRIGGER_JWT, /eyj/i],
  [TRIGGER_BEARER, /bearer/i],
  [TRIGGER_BASIC, /basic/i],
  [TRIGGER_AWS_KEY_ID, /akia|asia/i],
  [TRIGGER_URL, /:\/\//],
  [TRIGGER_PAIR, /pass|pwd|secret|token|key|cred|sig|authorization/i],
];
const ANY = new RegExp(FAMILIES.map(([, re]) => re.source).join("|"), "i");

/** Bit set of TRIGGER_* for the rule families worth running on `text`; 0 for most log strings. */
export function scanTriggers(text: string): number {
  if (!ANY.test(text)) return 0;
  // Testing each family on its own stops at its first hit; one global scan would stop at every
  // hit, which costs a lot on strings that repeat a trigger thousands of times.
  let mask = 0;
  for (const [bit, re] of FAMILIES) if (re.test(text)) mask |= bit;
  return mask;
}
