import { createReadStream } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BATCH_MAX_CHARS, BATCH_MAX_LINES, firstInvalidUtf8, type Line, type ReadLinesOptions, readLines } from "./read-lines";

const SAMPLES = path.resolve(import.meta.dirname, "../../../../shared/samples");

async function* chunked(bytes: Uint8Array, sizes: (i: number) => number): AsyncGenerator<Uint8Array> {
  let i = 0;
  for (let at = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes(i));
    yield bytes.slice(at, at + size); // a copy, as a real stream hands over fresh buffers
    at += size;
  }
}

/** Deterministic pseudo-random sizes, so a failure can be replayed. */
function randomSizes(seed: number, max: number): (i: number) => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return 1 + (state % max);
  };
}

async function lines(bytes: Uint8Array | string, options?: ReadLinesOptions, sizes: (i: number) => number = () => 65_536): Promise<Line[]> {
  const data = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
  const all: Line[] = [];
  for await (const batch of readLines(chunked(data, sizes), options)) all.push(...batch);
  return all;
}

const texts = (ls: Line[]) => ls.map((l) => l.text);

describe("readLines", () => {
  it("numbers lines like an editor: mixed CRLF/LF, empty lines, last line without newline", async () => {
    const got = await lines("one\r\ntwo\n\n\r\nfive\r\nsix");
    expect(got).toEqual([
      { text: "one", number: 1 },
      { text: "two", number: 2 },
      { text: "", number: 3 },
      { text: "", number: 4 },
      { text: "five", number: 5 },
      { text: "six", number: 6 },
    ]);
  });

  it("adds no empty line after a final newline; an empty file has no lines, a lone newline has one", async () => {
    expect(texts(await lines("a\nb\n"))).toEqual(["a", "b"]);
    expect(await lines("")).toEqual([]);
    expect(await lines("\n")).toEqual([{ text: "", number: 1 }]);
    expect(texts(await lines("a\r\n"))).toEqual(["a"]);
  });

  it("keeps a lone or inner CR", async () => {
    expect(texts(await lines("a\rb\n\r\r\n"))).toEqual(["a\rb", "\r"]);
  });

  it("strips a UTF-8 BOM at the start only, even when it arrives one byte at a time", async () => {
    const bytes = Buffer.from("\uFEFFTenantId,Name\n\uFEFFsecond\n");
    for (const sizes of [() => 1, () => 2, () => 65_536]) {
      expect(texts(await lines(bytes, {}, sizes))).toEqual(["TenantId,Name", "\uFEFFsecond"]);
    }
    // Two bytes of a BOM and nothing else: not a BOM, and not valid UTF-8 either.
    const stub = await lines(Buffer.from([0xef, 0xbb]), {}, () => 1);
    expect(stub).toHaveLength(1);
    expect(stub[0]?.error).toBe("invalid UTF-8 at byte 0");
  });

  it("reads UTF-16LE with a BOM, UTF-16LE without one, and UTF-16BE, in any chunking", async () => {
    const text = "Zeit;Ereignis\r\nMüller;Anmeldung 😀\n\nletzte";
    const expected = ["Zeit;Ereignis", "Müller;Anmeldung 😀", "", "letzte"];
    const le = Buffer.from(text, "utf16le");
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    const be = Buffer.from(withBom).swap16();
    for (const sizes of [() => 1, () => 3, randomSizes(7, 11), () => 65_536]) {
      expect(texts(await lines(withBom, { encoding: "utf-16le" }, sizes))).toEqual(expected);
      expect(texts(await lines(le, { encoding: "utf-16le" }, sizes))).toEqual(expected);
      expect(texts(await lines(be, { encoding: "utf-16be" }, sizes))).toEqual(expected);
    }
  });

  it("flags a UTF-16 line over maxLineBytes and goes on", async () => {
    const got = await lines(Buffer.from(`ok\n${"x".repeat(100)}\nafter`, "utf16le"), { encoding: "utf-16le", maxLineBytes: 64 });
    expect(got.map((l) => [l.number, l.error])).toEqual([
      [1, undefined],
      [2, "line longer than 64 bytes"],
      [3, undefined],
    ]);
    expect(got[1]?.text).toBe("x".repeat(100));
  });

  it("rejects only the line with invalid UTF-8, with the offset of the bad byte", async () => {
    const bytes = Buffer.concat([Buffer.from("before\r\nab"), Buffer.from([0xc3, 0x28]), Buffer.from("cd\r\nafter é\n")]);
    const got = await lines(bytes);
    expect(got).toEqual([
      { text: "before", number: 1 },
      { text: "ab\uFFFD(cd", number: 2, error: "invalid UTF-8 at byte 2" },
      { text: "after é", number: 3 },
    ]);
  });

  it("finds the same bad offsets as TextDecoder rejects", () => {
    const fatal = new TextDecoder("utf-8", { fatal: true });
    const cases = [
      [0x41, 0x80],
      [0xc0, 0xaf], // overlong
      [0xe0, 0x80, 0xaf], // overlong
      [0xed, 0xa0, 0x80], // surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xf5],
      [0x61, 0xe2, 0x82], // truncated
      [0xe2, 0x82, 0xac, 0x62, 0xff],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xe2, 0x82, 0xac],
    ];
    for (const bytes of cases) {
      let valid = true;
      try {
        fatal.decode(new Uint8Array(bytes));
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(new Uint8Array(bytes)) === -1, bytes.join(",")).toBe(valid);
    }
    expect(firstInvalidUtf8(new Uint8Array([0xe2, 0x82, 0xac, 0x62, 0xff]))).toBe(4);
  });

  it("reads a 10 MB line whole", async () => {
    const long = "y".repeat(10 * 1024 * 1024);
    const got = await lines(`first\n${long}\r\nlast`);
    expect(got.map((l) => l.text.length)).toEqual([5, long.length, 4]);
    expect(got[1]?.text === long).toBe(true);
    expect(got[1]?.error).toBeUndefined();
  });

  it("reports a line over maxLineBytes once, with its first 2,000 chars, and keeps counting", async () => {
    const long = `${"é".repeat(3000)}${"z".repeat(5000)}`;
    for (const sizes of [() => 65_536, () => 100, () => 7]) {
      const got = await lines(`a\n${long}\nb\n${"q".repeat(1001)}`, { maxLineBytes: 1000 }, sizes);
      expect(got.map((l) => [l.number, l.error])).toEqual([
        [1, undefined],
        [2, "line longer than 1000 bytes"],
        [3, undefined],
        [4, "line longer than 1000 bytes"],
      ]);
      expect(got[1]?.text).toBe("é".repeat(2000));
      expect(got[3]?.text).toBe("q".repeat(1001));
    }
  });

  it("names the default limit in MiB", async () => {
    const got = await lines(`${"x".repeat(2 * 1024 * 1024 + 1)}\n`, { maxLineBytes: 2 * 1024 * 1024 });
    expect(got[0]?.error).toBe("line longer than 2 MiB");
    expect(got[0]?.text).toHaveLength(2000);
  });

  it("gives identical lines for any chunking: 1 byte, random sizes, whole", async () => {
    const parts = [
      Buffer.from("\uFEFFhead;er\r\n"),
      Buffer.from("Grüße, 😀 und 中文\n\n"),
      Buffer.from([0x62, 0x61, 0x64, 0xe2, 0x28, 0xa1, 0x0d, 0x0a]), // invalid UTF-8 then CRLF
      Buffer.from(`${"long".repeat(400)}\r\n`), // over the limit below
      Buffer.from("\uFEFFmid-file BOM stays\r\n"),
      Buffer.from(`${"€".repeat(300)}\n`), // 900 bytes: under the limit
      Buffer.from("x".repeat(1200)), // over the limit, no final newline
    ];
    const bytes = Buffer.concat(parts);
    const options = { maxLineBytes: 1024 };
    const whole = await lines(bytes, options, () => bytes.length);
    expect(whole.map((l) => [l.number, l.error])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, undefined],
      [4, "invalid UTF-8 at byte 3"],
      [5, "line longer than 1 KiB"],
      [6, undefined],
      [7, undefined],
      [8, "line longer than 1 KiB"],
    ]);
    expect(whole[0]?.text).toBe("head;er");
    expect(whole[5]?.text).toBe("\uFEFFmid-file BOM stays");
    expect(await lines(bytes, options, () => 1)).toEqual(whole);
    for (let seed = 1; seed <= 20; seed++) expect(await lines(bytes, options, randomSizes(seed, 97))).toEqual(whole);
    expect(await lines(bytes, options, randomSizes(99, 5000))).toEqual(whole);
  });

  it("yields batches of at most BATCH_MAX_LINES lines", async () => {
    const sizes: number[] = [];
    let count = 0;
    for await (const batch of readLines(chunked(Buffer.from("line\n".repeat(4500)), () => 100_000))) {
      sizes.push(batch.length);
      count += batch.length;
      expect(batch[0]?.number).toBe(count - batch.length + 1);
    }
    expect(count).toBe(4500);
    expect(Math.max(...sizes)).toBe(BATCH_MAX_LINES);
  });

  it("yields batches of about BATCH_MAX_CHARS of text when lines are long", async () => {
    const line = "x".repeat(10_000);
    const chars: number[] = [];
    for await (const batch of readLines(chunked(Buffer.from(`${line}\n`.repeat(40)), () => 100_000))) {
      chars.push(batch.reduce((n, l) => n + l.text.length, 0));
    }
    expect(chars.reduce((a, b) => a + b, 0)).toBe(400_000);
    // A batch closes with the line that reaches the bound: never more than one line over it.
    expect(Math.max(...chars)).toBeLessThan(BATCH_MAX_CHARS + line.length);
    expect(chars.length).toBeGreaterThanOrEqual(Math.floor(400_000 / (BATCH_MAX_CHARS + line.length)));
  });

  it("reads a real Log Analytics export from disk", async () => {
    const all: Line[] = [];
    for await (const batch of readLines(createReadStream(path.join(SAMPLES, "m365/office_activity.csv")))) all.push(...batch);
    expect(all).toHaveLength(531);
    expect(all[0]?.text.startsWith("TenantId,Application,")).toBe(true);
    expect(all.every((l) => l.error === undefined && !l.text.endsWith("\r"))).toBe(true);
  });
});
