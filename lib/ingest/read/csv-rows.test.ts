import { createReadStream } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type CsvProblem, type CsvRow, createCsvAssembler, detectDelimiter, uniqueHeaders } from "./csv-rows";
import { type Line, readLines } from "./read-lines";

const SAMPLES = path.resolve(import.meta.dirname, "../../../../shared/samples");

type Result = CsvRow | CsvProblem;

function toLines(text: string): Line[] {
  return text.split("\n").map((t, i) => ({ text: t.endsWith("\r") ? t.slice(0, -1) : t, number: i + 1 }));
}

function assemble(lines: Line[], delimiter = ",", options?: { maxRowBytes?: number }): Result[] {
  const csv = createCsvAssembler(delimiter, options);
  const out: Result[] = [];
  for (const line of lines) {
    const r = csv.push(line);
    if (r) out.push(r);
  }
  const last = csv.end();
  if (last) out.push(last);
  return out;
}

const cells = (results: Result[]) => results.map((r) => ("cells" in r ? r.cells : r.problem));

async function readCsv(file: string, sizes?: number): Promise<{ header: string[]; rows: Result[] }> {
  const csv: { assembler: ReturnType<typeof createCsvAssembler> | null } = { assembler: null };
  const rows: Result[] = [];
  let header: string[] = [];
  for await (const batch of readLines(createReadStream(file, sizes ? { highWaterMark: sizes } : {}))) {
    for (const line of batch) {
      csv.assembler ??= createCsvAssembler(detectDelimiter(line.text));
      const r = csv.assembler.push(line);
      if (r === null) continue;
      if (header.length === 0 && "cells" in r) header = uniqueHeaders(r.cells);
      else rows.push(r);
    }
  }
  const last = csv.assembler?.end();
  if (last) rows.push(last);
  return { header, rows };
}

describe("detectDelimiter", () => {
  it("picks the most frequent candidate outside quotes, ties and none going to a comma", () => {
    expect(detectDelimiter("a,b,c")).toBe(",");
    expect(detectDelimiter("Zeit;Benutzer;Ereignis")).toBe(";");
    expect(detectDelimiter("time\thost\tmessage")).toBe("\t");
    expect(detectDelimiter("a|b|c")).toBe("|");
    expect(detectDelimiter('"a;b;c;d",x,y')).toBe(",");
    expect(detectDelimiter("a;b,c")).toBe(",");
    expect(detectDelimiter("single")).toBe(",");
  });
});

describe("uniqueHeaders", () => {
  it("trims, suffixes duplicates and names empty columns by position", () => {
    expect(uniqueHeaders([" Name ", "Name", "", "Id", "Name"])).toEqual(["Name", "Name_2", "column_3", "Id", "Name_3"]);
    // A header already called Name_2 keeps it; the duplicate takes the next free suffix.
    expect(uniqueHeaders(["Name", "Name", "Name_2"])).toEqual(["Name", "Name_3", "Name_2"]);
    expect(uniqueHeaders(["", "column_1"])).toEqual(["column_1", "column_1_2"]);
  });
});

describe("createCsvAssembler", () => {
  it("reads plain rows and empty cells, skipping blank lines", () => {
    const got = assemble(toLines("a,b,c\r\n1,,3\n\n,,\n"));
    expect(cells(got)).toEqual([
      ["a", "b", "c"],
      ["1", "", "3"],
      ["", "", ""],
    ]);
    expect(got.map((r) => [r.firstLine, r.lastLine])).toEqual([
      [1, 1],
      [2, 2],
      [4, 4],
    ]);
  });

  it("handles quoted cells with delimiters, doubled quotes and newlines", () => {
    const text = 'id,details,n\r\n1,"He said ""hi, there""\r\nsecond line\r\n\r\n""quoted"" last",9\r\n2,"x",y\r\n';
    const got = assemble(toLines(text));
    expect(cells(got)).toEqual([
      ["id", "details", "n"],
      ["1", 'He said "hi, there"\nsecond line\n\n"quoted" last', "9"],
      ["2", "x", "y"],
    ]);
    expect(got[1]).toMatchObject({ firstLine: 2, lastLine: 5, raw: '1,"He said ""hi, there""\nsecond line\n\n""quoted"" last",9' });
  });

  it("still rejoins a multi-line cell when the caller skipped blank lines", () => {
    const lines = toLines('1,"a\n\n\nb",2').filter((l) => l.text !== "");
    expect(cells(assemble(lines))).toEqual([["1", "a\n\n\nb", "2"]]);
  });

  it("takes a quote inside an unquoted cell literally, and text after a closing quote as part of the cell", () => {
    expect(cells(assemble(toLines('5" disk,O"Brien,"ab"cd,""')))).toEqual([['5" disk', 'O"Brien', "abcd", ""]]);
  });

  it("splits on ; and tab, keeping the other delimiters inside cells", () => {
    expect(cells(assemble(toLines('Zeit;Wert\n"1,5;2";3,25'), ";"))).toEqual([
      ["Zeit", "Wert"],
      ["1,5;2", "3,25"],
    ]);
    expect(cells(assemble(toLines('a\tb\n"x\ty"\tz;w,v'), "\t"))).toEqual([
      ["a", "b"],
      ["x\ty", "z;w,v"],
    ]);
  });

  it("reports an unterminated quote at the end with the line it opened on", () => {
    const got = assemble(toLines('a,b\n1,2\n3,"open\nmore\nstill'));
    expect(got[2]).toEqual({
      problem: "unterminated quoted cell starting on line 3",
      firstLine: 3,
      lastLine: 5,
      raw: '3,"open\nmore\nstill',
    });
  });

  it("gives up on a row over maxRowBytes and starts a new row on the next line", () => {
    const lines = toLines(`a,b\n1,"stray quote\n${"filler,".repeat(10)}\n${"filler,".repeat(10)}\n2,ok\n3,fine`);
    const got = assemble(lines, ",", { maxRowBytes: 100 });
    expect(got.map((r) => ("cells" in r ? r.cells : [r.problem, r.firstLine, r.lastLine]))).toEqual([
      ["a", "b"],
      ["row longer than 100 bytes (the quoted cell opened on line 2 may never close)", 2, 4],
      ["2", "ok"],
      ["3", "fine"],
    ]);
  });

  it("turns a line with a read error into a problem with that reason, and its neighbours into rows", () => {
    const lines: Line[] = [
      { text: "a,b", number: 1 },
      { text: "x\uFFFD,y", number: 2, error: "invalid UTF-8 at byte 1" },
      { text: "1,2", number: 3 },
      { text: 'z,"multi', number: 4 },
      { text: "bad\uFFFD", number: 5, error: "invalid UTF-8 at byte 3" },
      { text: 'end"', number: 6 },
      { text: "y".repeat(2000), number: 7, error: "line longer than 64 MiB" },
      { text: "3,4", number: 8 },
    ];
    expect(assemble(lines).map((r) => ("cells" in r ? r.cells : [r.problem, r.firstLine, r.lastLine]))).toEqual([
      ["a", "b"],
      ["invalid UTF-8 at byte 1", 2, 2],
      ["1", "2"],
      ["line 5: invalid UTF-8 at byte 3", 4, 6],
      ["line longer than 64 MiB", 7, 7],
      ["3", "4"],
    ]);
  });

  it("bounds raw to 4,000 chars", () => {
    const got = assemble(toLines(`"${"x".repeat(3000)}\n${"y".repeat(3000)}"`));
    expect(got[0]?.raw).toHaveLength(4000);
    expect("cells" in (got[0] as Result) && (got[0] as CsvRow).cells[0]).toHaveLength(6001);
  });
});

describe("round trip", () => {
  it("reads back random RFC 4180 data written with both line endings, in random chunkings", async () => {
    let state = 42;
    const rand = (n: number) => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      return state % n;
    };
    const alphabet = ["a", "Z", " ", ",", ";", '"', "\n", "é", "😀", "\t", "x"];
    const rows = Array.from({ length: 300 }, () =>
      Array.from({ length: 2 + rand(4) }, () => Array.from({ length: rand(8) }, () => alphabet[rand(alphabet.length)]).join("")),
    );
    const quote = (c: string) => (/[",\n]/.test(c) || c.startsWith(" ") ? `"${c.replaceAll('"', '""')}"` : c);
    const text = rows.map((r, i) => r.map(quote).join(",") + (i % 2 ? "\r\n" : "\n")).join("");
    const bytes = Buffer.from(text);
    for (const size of [1, 5, 64, 4096]) {
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      }
      const csv = createCsvAssembler(",");
      const got: string[][] = [];
      for await (const batch of readLines(chunks())) {
        for (const line of batch) {
          const r = csv.push(line);
          if (r) got.push("cells" in r ? r.cells : [r.problem]);
        }
      }
      expect(csv.end()).toBeNull();
      expect(got).toEqual(rows);
    }
  });
});

describe("real exports", () => {
  it("office_activity.csv: 266 rows after the header, each as wide as the header, in any chunking", async () => {
    const file = path.join(SAMPLES, "m365/office_activity.csv");
    const { header, rows } = await readCsv(file);
    expect(header[0]).toBe("TenantId");
    expect(header).toHaveLength(131);
    expect(rows).toHaveLength(266);
    expect(rows.every((r) => "cells" in r && r.cells.length === header.length)).toBe(true);
    const multiLine = rows.find((r) => r.lastLine > r.firstLine) as CsvRow;
    expect(multiLine.cells.some((c) => c.includes("\n") && c.trimStart().startsWith("["))).toBe(true);
    const small = await readCsv(file, 997);
    expect(small.rows).toEqual(rows);
  });

  it("sign-in_adelete.csv: 56 rows after the header, each as wide as the header", async () => {
    const { header, rows } = await readCsv(path.join(SAMPLES, "entra/sign-in_adelete.csv"));
    expect(header).toHaveLength(71);
    expect(rows).toHaveLength(56);
    expect(rows.every((r) => "cells" in r && r.cells.length === header.length)).toBe(true);
    const details = header.indexOf("AuthenticationDetails");
    const first = rows[0] as CsvRow;
    expect(Array.isArray(JSON.parse(first.cells[details] as string))).toBe(true);
  });
});
