import { describe, expect, it } from "vitest";
import { ByteBatch } from "./byte-batch";

describe("ByteBatch", () => {
  it("holds rows as UTF-8 bytes, multi-byte characters and all", () => {
    const b = new ByteBatch(64);
    b.add("a\tß\n");
    b.add("日本\t🔑\n");
    expect(b.rows).toBe(2);
    expect(Buffer.from(b.take()).toString("utf8")).toBe("a\tß\n日本\t🔑\n");
    expect(b.bytes).toBe(Buffer.byteLength("a\tß\n日本\t🔑\n"));
  });

  it("says a row may not fit by its worst-case size, and grows for a row longer than a batch", () => {
    const b = new ByteBatch(30);
    expect(b.fits(10)).toBe(true); // 10 code units are at most 30 bytes
    expect(b.fits(11)).toBe(false);
    const long = `${"x".repeat(100)}\n`;
    b.add(long);
    expect(Buffer.from(b.take()).toString("utf8")).toBe(long);
  });
});
