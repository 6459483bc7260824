import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { SNIFF_BYTES, sniffBytes } from "./sniff-file";

const SAMPLES = path.resolve(import.meta.dirname, "../../../../shared/samples");

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

function refusal(head: Uint8Array): string {
  const sniff = sniffBytes(head);
  if (sniff.kind !== "refused") throw new Error(`not refused: ${JSON.stringify(sniff)}`);
  return sniff.reason;
}

describe("sniffBytes", () => {
  it("takes plain UTF-8 and ASCII text, with or without BOM, and an empty file", () => {
    expect(sniffBytes(Buffer.from("2024-05-01 12:00:00 sshd[1]: Accepted\n"))).toEqual({ kind: "text", encoding: "utf-8", hasBom: false });
    expect(sniffBytes(Buffer.from("\uFEFFTenantId,Name\r\n"))).toEqual({ kind: "text", encoding: "utf-8", hasBom: true });
    expect(sniffBytes(new Uint8Array(0))).toEqual({ kind: "text", encoding: "utf-8", hasBom: false });
    // Coloured terminal output, tabs and form feeds are text.
    expect(sniffBytes(Buffer.from("\x1b[31mERROR\x1b[0m\tdisk\f\n")).kind).toBe("text");
  });

  it("does not refuse invalid UTF-8 (a Latin-1 export): the line reader flags those lines", () => {
    expect(sniffBytes(bytes("M", [0xfc], "ller;Anmeldung\n"))).toEqual({ kind: "text", encoding: "utf-8", hasBom: false });
  });

  it("detects UTF-16 by BOM and, without one, by its NUL-every-other-byte pattern", () => {
    const le = Buffer.from("Date,Event\r\n2024-05-01,4624\r\n", "utf16le");
    expect(sniffBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({ kind: "text", encoding: "utf-16le", hasBom: true });
    expect(sniffBytes(le)).toEqual({ kind: "text", encoding: "utf-16le", hasBom: false });
    const be = Buffer.from(le).swap16();
    expect(sniffBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ kind: "text", encoding: "utf-16be", hasBom: true });
    expect(sniffBytes(be)).toEqual({ kind: "text", encoding: "utf-16be", hasBom: false });
    // Mostly non-Latin text still has the pattern if a fair share is ASCII.
    expect(sniffBytes(Buffer.from("ログ: user=alice ip=10.0.0.1\n", "utf16le"))).toMatchObject({ encoding: "utf-16le" });
  });

  it("says gzip for gzip", () => {
    expect(sniffBytes(gzipSync("hello\n"))).toEqual({ kind: "gzip" });
  });

  it("refuses images, documents, archives, executables and databases by name", () => {
    expect(refusal(bytes([0x89], "PNG\r\n\x1a\n", [0, 0, 0, 13], "IHDR"))).toMatch(/^a PNG image/);
    expect(refusal(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF"))).toMatch(/^a JPEG image/);
    expect(refusal(bytes("GIF89a", [1, 0, 1, 0]))).toMatch(/^a GIF image/);
    expect(refusal(bytes("%PDF-1.7\n"))).toMatch(/^a PDF document/);
    expect(refusal(bytes("PK\x03\x04", [20, 0, 0, 0]))).toBe(
      "a ZIP archive: unpack it and import the files inside (an .xlsx is a ZIP too: save it as CSV)",
    );
    expect(refusal(bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]))).toMatch(/^a 7z archive/);
    expect(refusal(bytes([0x7f], "ELF", [2, 1, 1, 0]))).toMatch(/^an ELF executable/);
    expect(refusal(bytes("MZ", [0x90, 0, 3, 0, 0, 0]))).toMatch(/^a Windows executable/);
    expect(refusal(bytes("ElfFile\0", [0, 0, 0, 0]))).toBe("a binary .evtx log: export it to XML or JSON first (wevtutil, EvtxECmd)");
    expect(refusal(bytes("SQLite format 3\0", [0x10, 0]))).toMatch(/^an SQLite database/);
    expect(refusal(bytes([0xfd], "7zXZ\0", [0, 4]))).toMatch(/^an xz-compressed file/);
  });

  it("does not mistake text that starts like a magic number for it", () => {
    expect(sniffBytes(Buffer.from("MZ-1234 login ok\n")).kind).toBe("text");
    expect(sniffBytes(Buffer.from("regfoo: started\n")).kind).toBe("text");
    expect(sniffBytes(Buffer.from("BZh91 is not bzip2\n")).kind).toBe("text");
  });

  it("refuses generic binary: NUL bytes in UTF-8, NUL characters in UTF-16, a high share of control bytes", () => {
    expect(refusal(bytes("abc", [0], "def\n"))).toMatch(/NUL bytes/);
    expect(refusal(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ab\0\0cd", "utf16le")]))).toMatch(/NUL characters/);
    const controls = Buffer.alloc(200, 0x41);
    for (let i = 0; i < 200; i += 10) controls[i] = 0x01;
    expect(refusal(controls)).toMatch(/^binary data \(10 % control characters\)/);
    const random = Buffer.alloc(SNIFF_BYTES);
    let state = 1;
    for (let i = 0; i < random.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      random[i] = state >>> 24;
    }
    expect(sniffBytes(random).kind).toBe("refused");
  });

  it("takes the real sample exports as UTF-8 with BOM", () => {
    for (const file of ["m365/office_activity.csv", "entra/sign-in_adelete.csv"]) {
      const head = readFileSync(path.join(SAMPLES, file)).subarray(0, SNIFF_BYTES);
      expect(sniffBytes(head)).toEqual({ kind: "text", encoding: "utf-8", hasBom: true });
    }
  });
});
