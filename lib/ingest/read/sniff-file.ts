export type FileSniff =
  | { kind: "text"; encoding: "utf-8" | "utf-16le" | "utf-16be"; hasBom: boolean }
  | { kind: "gzip" }
  | { kind: "refused"; reason: string };

/** How much of a file sniffBytes wants to see; it copes with less (a short file). */
export const SNIFF_BYTES = 64 * 1024;
// Text has essentially no C0 controls besides tab, newlines, form feed and ESC (coloured logs); random bytes have ~9 %.
const MAX_CONTROL_SHARE = 0.05;
// UTF-16 without BOM: mostly-ASCII text has a zero high byte in nearly every code unit, and almost never a zero low byte.
const UTF16_MIN_ZERO_HIGH = 0.3;
const UTF16_MAX_ZERO_LOW = 0.05;
const UTF16_PATTERN_BYTES = 4096;

/** `withNul`: the magic is plausible text, so also require the NUL bytes its binary header has. */
type Magic = { bytes: readonly number[]; reason: string; withNul?: boolean };

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const DECOMPRESS_FIRST = "decompress it first (only gzip is read directly)";

// Checked in order; the first match wins.
const MAGICS: readonly Magic[] = [
  { bytes: ascii("ElfFile\0"), reason: "a binary .evtx log: export it to XML or JSON first (wevtutil, EvtxECmd)" },
  { bytes: ascii("ElfChnk\0"), reason: "a chunk of a binary .evtx log: export the log to XML or JSON first (wevtutil, EvtxECmd)" },
  { bytes: [0x89, ...ascii("PNG\r\n\x1a\n")], reason: "a PNG image, not a log" },
  { bytes: [0xff, 0xd8, 0xff], reason: "a JPEG image, not a log" },
  { bytes: ascii("GIF87a"), reason: "a GIF image, not a log" },
  { bytes: ascii("GIF89a"), reason: "a GIF image, not a log" },
  { bytes: ascii("%PDF-"), reason: "a PDF document, not a log" },
  { bytes: ascii("PK\x03\x04"), reason: "a ZIP archive: unpack it and import the files inside (an .xlsx is a ZIP too: save it as CSV)" },
  { bytes: ascii("PK\x05\x06"), reason: "an empty ZIP archive" },
  { bytes: ascii("PK\x07\x08"), reason: "a split ZIP archive: join and unpack it, then import the files inside" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], reason: "a 7z archive: unpack it and import the files inside" },
  { bytes: ascii("Rar!\x1a\x07"), reason: "a RAR archive: unpack it and import the files inside" },
  { bytes: [0xfd, ...ascii("7zXZ\0")], reason: `an xz-compressed file: ${DECOMPRESS_FIRST}` },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], reason: `a zstd-compressed file: ${DECOMPRESS_FIRST}` },
  { bytes: [0x7f, ...ascii("ELF")], reason: "an ELF executable or library, not a log" },
  // "MZ" could begin a text line; a PE header also has NUL bytes, which text never has.
  { bytes: ascii("MZ"), withNul: true, reason: "a Windows executable or DLL (PE), not a log" },
  { bytes: ascii("SQLite format 3\0"), reason: "an SQLite database: export the table you need to CSV or JSON first" },
  {
    bytes: ascii("regf"),
    withNul: true,
    reason: "a Windows registry hive: parse it with a registry tool (RECmd, regipy) and import its output",
  },
  { bytes: [0xd4, 0xc3, 0xb2, 0xa1], reason: "a pcap packet capture: extract logs from it first (Zeek, tshark)" },
  { bytes: [0xa1, 0xb2, 0xc3, 0xd4], reason: "a pcap packet capture: extract logs from it first (Zeek, tshark)" },
  { bytes: [0x4d, 0x3c, 0xb2, 0xa1], reason: "a pcap packet capture: extract logs from it first (Zeek, tshark)" },
  { bytes: [0xa1, 0xb2, 0x3c, 0x4d], reason: "a pcap packet capture: extract logs from it first (Zeek, tshark)" },
  // Before the UTF-16 BOMs, which are their prefixes.
  { bytes: [0xff, 0xfe, 0x00, 0x00], reason: "UTF-32 text: re-save it as UTF-8" },
  { bytes: [0x00, 0x00, 0xfe, 0xff], reason: "UTF-32 text: re-save it as UTF-8" },
];

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (head[at + i] !== bytes[i]) return false;
  return true;
}

/** What the first bytes (up to SNIFF_BYTES) of a file say it is. Invalid UTF-8 is not a refusal: readLines flags those lines. */
export function sniffBytes(head: Uint8Array): FileSniff {
  if (startsWith(head, [0x1f, 0x8b])) return { kind: "gzip" };
  for (const magic of MAGICS) {
    if (startsWith(head, magic.bytes) && (!magic.withNul || head.subarray(0, 64).includes(0)))
      return { kind: "refused", reason: magic.reason };
  }
  if (isPcapng(head)) return { kind: "refused", reason: "a pcapng packet capture: extract logs from it first (Zeek, tshark)" };
  if (isBzip2(head)) return { kind: "refused", reason: `a bzip2-compressed file: ${DECOMPRESS_FIRST}` };

  if (startsWith(head, [0xef, 0xbb, 0xbf])) return utf8(head.subarray(3), true);
  if (startsWith(head, [0xff, 0xfe])) return utf16(head.subarray(2), "utf-16le", true);
  if (startsWith(head, [0xfe, 0xff])) return utf16(head.subarray(2), "utf-16be", true);
  const pattern = utf16Pattern(head);
  if (pattern !== null) return utf16(head, pattern, false);
  return utf8(head, false);
}

function utf8(bytes: Uint8Array, hasBom: boolean): FileSniff {
  if (bytes.includes(0)) return { kind: "refused", reason: "binary data (it contains NUL bytes), not a text log" };
  let controls = 0;
  for (const b of bytes) if (isControl(b)) controls++;
  if (controls > bytes.length * MAX_CONTROL_SHARE) return { kind: "refused", reason: binaryReason(controls, bytes.length) };
  return { kind: "text", encoding: "utf-8", hasBom };
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", hasBom: boolean): FileSniff {
  const units = Math.floor(bytes.length / 2);
  let controls = 0;
  for (let i = 0; i < units; i++) {
    const unit =
      encoding === "utf-16le"
        ? (bytes[2 * i] as number) | ((bytes[2 * i + 1] as number) << 8)
        : ((bytes[2 * i] as number) << 8) | (bytes[2 * i + 1] as number);
    if (unit === 0)
      return { kind: "refused", reason: `binary data (NUL characters in what looks like ${encoding.toUpperCase()}), not a text log` };
    if (unit < 0x80 && isControl(unit)) controls++;
  }
  if (controls > units * MAX_CONTROL_SHARE) return { kind: "refused", reason: binaryReason(controls, units) };
  return { kind: "text", encoding, hasBom };
}

/** Byte order of BOM-less UTF-16 (as PowerShell 5's `>` and some Windows tools write), or null. */
function utf16Pattern(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(Math.min(head.length, UTF16_PATTERN_BYTES) / 2);
  if (pairs === 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zeroEven++;
    if (head[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= pairs * UTF16_MIN_ZERO_HIGH && zeroEven <= pairs * UTF16_MAX_ZERO_LOW) return "utf-16le";
  if (zeroEven >= pairs * UTF16_MIN_ZERO_HIGH && zeroOdd <= pairs * UTF16_MAX_ZERO_LOW) return "utf-16be";
  return null;
}

/** C0 controls and DEL, except tab, LF, VT, FF, CR and ESC, which real text logs contain. */
function isControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;
}

function binaryReason(controls: number, total: number): string {
  return `binary data (${Math.round((100 * controls) / total)} % control characters), not a text log`;
}

// The block type 0x0A0D0D0A is plausible text ("\n\r\r\n"), so require the byte-order magic too.
function isPcapng(head: Uint8Array): boolean {
  return (
    startsWith(head, [0x0a, 0x0d, 0x0d, 0x0a]) &&
    (startsWith(head, [0x1a, 0x2b, 0x3c, 0x4d], 8) || startsWith(head, [0x4d, 0x3c, 0x2b, 0x1a], 8))
  );
}

// "BZh9" could start a text line; the block magic after it (π in BCD) could not.
function isBzip2(head: Uint8Array): boolean {
  const level = head[3];
  return (
    startsWith(head, ascii("BZh")) &&
    level !== undefined &&
    level >= 0x31 &&
    level <= 0x39 &&
    startsWith(head, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4)
  );
}
