import { hashHint } from "./hint";
import { AWS_SECRET_SHAPE, authSchemeLength, classifyKeyUncached, type KeyRule, kindForKey, MAX_KEY_LENGTH } from "./keys";
import { isPlausibleSecret } from "./plausible";
import { MAX_SECRET_LENGTH, marker, REDACTED_PREFIX, type RedactionFinding } from "./types";

/**
 * Secrets announced by a key name in free text: `password=…`, `pwd: …`, `"client_secret":"…"`,
 * `\"token\":\"…\"` (JSON inside a JSON string), `Password=…;` in connection strings,
 * `AccountKey=…`, `sig=…` in SAS query strings, `--password …` on command lines and
 * `<password>…</password>`. The key and its punctuation stay; only the value is masked.
 *
 * A hand-written scanner rather than one big regex: it finds key words via a literal trigger, so
 * each character is looked at a bounded number of times whatever the input.
 */

const KEY_TRIGGER = /pass|pwd|secret|token|key|cred|sig|authorization/gi;

type Context = "text" | "connection-string";
type Value = { start: number; end: number; after: number };

function isKeyChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x2d;
}

const isBlank = (c: string | undefined) => c === " " || c === "\t";

function skipBlanks(text: string, i: number): number {
  while (isBlank(text[i])) i++;
  return i;
}

/** The quote opening at `i`: `"`, `'`, the escaped `\"` of JSON inside a string, or "". */
function quoteAt(text: string, i: number): string {
  const c = text[i];
  if (c === '"' || c === "'") return c;
  if (c === "\\" && text[i + 1] === '"') return '\\"';
  return "";
}

/** The quote that closes a quoted key, when the key was quoted. */
function quoteBefore(text: string, keyStart: number): string {
  const c = text[keyStart - 1];
  if (c !== '"' && c !== "'") return "";
  return c === '"' && text[keyStart - 2] === "\\" ? '\\"' : c;
}

// Where an unquoted value ends. Free text ends at blanks and list punctuation; a connection
// string value runs to ";" (ADO.NET passwords may contain blanks). A backslash before a quote or
// n/r/t is JSON escaping around the value, not part of it.
function isStop(text: string, i: number, context: Context): boolean {
  const c = text[i];
  if (c === ";" || c === "\r" || c === "\n" || c === '"') return true;
  if (c === "\\") {
    const next = text[i + 1];
    return next === '"' || next === "n" || next === "r" || next === "t";
  }
  if (context === "connection-string") return false;
  return c === " " || c === "\t" || c === "&" || c === "," || c === "<" || c === ">";
}

/** Scans one text; remembers the last unquoted run so rejected values are not rescanned. */
class PairScanner {
  private runStart = -1;
  private runEnd = -1;
  private runContext: Context = "text";

  /** Position of the first marker at or after the last asked position; -1: none; -2: not looked yet. */
  private nextMarker = -2;

  constructor(private readonly text: string) {}

  /** Whether an earlier rule left a marker in [start, end): such a value was already handled. */
  hasMarker(start: number, end: number): boolean {
    // Keys are visited left to right, so one indexOf serves every value before the next marker.
    if (this.nextMarker === -2 || (this.nextMarker >= 0 && this.nextMarker < start)) {
      this.nextMarker = this.text.indexOf(REDACTED_PREFIX, start);
    }
    return this.nextMarker >= 0 && this.nextMarker < end;
  }

  private unquotedEnd(from: number, context: Context): number {
    const { text } = this;
    if (context === this.runContext && from >= this.runStart && from <= this.runEnd) return this.runEnd;
    let end = from;
    while (end < text.length && !isStop(text, end, context)) end++;
    this.runStart = from;
    this.runEnd = end;
    this.runContext = context;
    return end;
  }

  private closingQuote(from: number, quote: string): number {
    const { text } = this;
    const limit = Math.min(text.length, from + MAX_SECRET_LENGTH);
    if (quote === '\\"') {
      const close = text.indexOf(quote, from);
      return close >= 0 && close < limit ? close : -1;
    }
    for (let i = from; i < limit; i++) {
      const c = text[i];
      if (c === "\\") i++;
      else if (c === quote) return i;
      else if (c === "\n") return -1;
    }
    return -1;
  }

  /** The value starting at `i` (after the separator), or null when there is none. */
  value(i: number, context: Context, skipScheme: boolean): Value | null {
    const { text } = this;
    const quote = quoteAt(text, i);
    let start = i + quote.length;
    // `Negotiate YII…`, `SharedKey acct:sig`: the scheme word before a credential stays readable.
    if (skipScheme) start += authSchemeLength(text, start);
    if (quote) {
      const close = this.closingQuote(start, quote);
      if (close >= 0) return close > start ? { start, end: close, after: close + quote.length } : null;
    } else if (context === "connection-string" && text[start] === "{") {
      const close = text.indexOf("}", start + 1);
      if (close > start + 1 && close - start < MAX_SECRET_LENGTH) return { start: start + 1, end: close, after: close + 1 };
    }
    // Unquoted, or a quote that never closes (a truncated line): read up to the next stop.
    let end = this.unquotedEnd(start, context);
    const after = end;
    while (end > start && isBlank(text[end - 1])) end--;
    return end > start ? { start, end, after } : null;
  }
}

/**
 * Where the value after a key starts, or null when no value follows the key. `loose` marks a
 * mere blank as separator (command lines), a weak sign: "SecretAccessKey successfully rotated".
 */
function separatorEnd(text: string, keyStart: number, keyEnd: number, found: KeyRule): { at: number; loose: boolean } | null {
  let i = keyEnd;
  const quote = quoteBefore(text, keyStart);
  if (quote && text.startsWith(quote, i)) i += quote.length;
  if (text[keyStart - 1] === "<" && text[i] === ">") return { at: i + 1, loose: false }; // <password>…</password>
  const afterKey = i;
  i = skipBlanks(text, i);
  const c = text[i];
  if (c === "=" || c === ":") {
    i++;
    if (c === ":" && text[i] === "/" && text[i + 1] === "/") return null; // a URL scheme, not a pair
    if (c === "=" && text[i] === ">") i++; // Ruby and Perl hashes: "password" => "…"
    return { at: skipBlanks(text, i), loose: false };
  }
  // Command lines give the value after a blank: --password x, aws configure set aws_secret_access_key x.
  if (i > afterKey && (text[keyStart] === "-" || found.family === "aws-secret")) return { at: i, loose: true };
  return null;
}

// "a=1; password=x y" is a log line, not a connection string: without one of these keys the
// value is read as free text, so the words after it are not swallowed.
const CONNECTION_KEY =
  /(?:^|[;"'\s])(?:server|data source|host|database|initial catalog|user id|uid|provider|driver|dsn|endpoint|accountname)\s*=/i;

/** In `Server=…;Password=…` the key follows a ";". */
function followsSemicolon(text: string, keyStart: number): boolean {
  let j = keyStart - 1;
  if (text[j] === '"' || text[j] === "'") j--;
  while (isBlank(text[j])) j--;
  return text[j] === ";";
}

export function redactPairs(text: string, field: string, findings: RedactionFinding[]): string {
  const scanner = new PairScanner(text);
  let out = "";
  let copied = 0;
  let connectionText: boolean | undefined;
  const trigger = KEY_TRIGGER;
  trigger.lastIndex = 0;
  for (let m = trigger.exec(text); m !== null; m = trigger.exec(text)) {
    let keyStart = m.index;
    while (keyStart > 0 && m.index - keyStart < MAX_KEY_LENGTH && isKeyChar(text.charCodeAt(keyStart - 1))) keyStart--;
    let keyEnd = m.index + m[0].length;
    while (keyEnd < text.length && isKeyChar(text.charCodeAt(keyEnd))) keyEnd++;
    // One look per key word, however many triggers it holds.
    trigger.lastIndex = keyEnd;
    if (keyStart < copied || keyEnd - keyStart > MAX_KEY_LENGTH) continue;
    const found = classifyKeyUncached(text.slice(keyStart, keyEnd));
    if (!found) continue;
    const separator = separatorEnd(text, keyStart, keyEnd, found);
    if (!separator) continue;
    let inConnectionString = found.family === "password" && followsSemicolon(text, keyStart);
    if (inConnectionString) {
      connectionText ??= CONNECTION_KEY.test(text);
      inConnectionString = connectionText;
    }
    const context: Context = inConnectionString ? "connection-string" : "text";
    const value = scanner.value(separator.at, context, found.family === "authorization");
    if (!value) continue;
    const secret = text.slice(value.start, value.end);
    if (scanner.hasMarker(value.start, value.end) || !isPlausibleSecret(secret, found)) continue;
    // After a mere blank, an AWS key name must be followed by something shaped like an AWS key.
    if (separator.loose && found.family === "aws-secret" && !AWS_SECRET_SHAPE.test(secret)) continue;
    const kind = kindForKey(found, secret, context === "connection-string" || text[value.after] === ";" ? "connection-string" : "text");
    out += text.slice(copied, value.start) + marker(kind);
    findings.push({ field, kind, hint: hashHint(secret) });
    copied = value.end;
    trigger.lastIndex = Math.max(trigger.lastIndex, value.end);
  }
  trigger.lastIndex = 0;
  return copied === 0 ? text : out + text.slice(copied);
}
