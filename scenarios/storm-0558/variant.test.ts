import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerKey, Manifest } from "./answer-key-types";
import { ANSWER_KEY_FILE, MANIFEST_FILE } from "./generate";
import { type Generated, generateInTemp, getPath, linesOf, ms, recordAt, recordTime } from "./test-support";
import { shiftDates } from "./time-shift";
import { applyReplacements, type Replacement, variantShiftWeeks, writeVariant } from "./variant";

describe("training variants of the scenario", () => {
  let g: Generated;
  const dirs: Record<number, string> = {};
  const plans: Record<number, Replacement[]> = {};
  beforeAll(async () => {
    g = await generateInTemp(558, 1_000);
    for (const seed of [1, 2]) {
      dirs[seed] = path.join(mkdtempSync(path.join(os.tmpdir(), "storm-variant-")), `v${seed}`);
      plans[seed] = await writeVariant(g.dir, dirs[seed] as string, seed);
    }
  });
  afterAll(async () => {
    await g?.cleanup();
  });
  const read = (seed: number, name: string) => readFileSync(path.join(dirs[seed] as string, name), "utf8");

  it("gives each variant its own actor addresses, key id and app id, from the documentation ranges", () => {
    const get = (seed: number, what: string) => plans[seed]?.find((r) => r.what === what)?.to;
    for (const what of [
      "first actor address",
      "second actor address",
      "signing key id",
      "actor app id",
      "engineer's account",
      "signing host",
    ]) {
      expect(get(1, what), what).toBeTruthy();
      expect(get(1, what), what).not.toBe(get(2, what));
    }
    expect(get(1, "first actor address")).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    expect(get(1, "signing key id")).toMatch(/^[A-Za-z0-9_-]{27}$/);
  });

  it("leaves no original identity in any file, and the answer key and the logs agree on the new ones", () => {
    for (const seed of [1, 2]) {
      const names = readdirSync(dirs[seed] as string);
      for (const name of names) {
        const text = read(seed, name);
        for (const r of plans[seed] ?? []) {
          const stands = /^\d+\.\d+\.\d+\.\d+$/.test(r.from)
            ? new RegExp(`(?<![\\d.])${r.from.replaceAll(".", "\\.")}(?!\\d)`).test(text)
            : text.toLowerCase().includes(r.from.toLowerCase());
          expect(stands, `${r.what} (${r.from}) still in ${name} of variant ${seed}`).toBe(false);
        }
      }
      const key = JSON.parse(read(seed, ANSWER_KEY_FILE)) as AnswerKey & { variant: number };
      expect(key.variant).toBe(seed);
      // The key's first-actor address is the variant's, and the mailbox log holds it where the key says.
      const first = plans[seed]?.find((r) => r.what === "first actor address")?.to as string;
      expect(JSON.stringify(key)).toContain(first);
      const manifest = JSON.parse(read(seed, MANIFEST_FILE)) as Manifest;
      const formatOf = (file: string) => manifest.files.find((f) => f.path === file)?.format ?? "";
      const cache = new Map<string, string[]>();
      for (const e of key.events) {
        const lines = cache.get(e.file) ?? linesOf(path.join(dirs[seed] as string, e.file));
        cache.set(e.file, lines);
        const record = recordAt(formatOf(e.file), lines, e.line);
        for (const [field, value] of Object.entries(e.match)) expect(getPath(record, field), `${e.ref} ${field}`).toBe(value);
        expect(ms(recordTime(formatOf(e.file), record)), `${e.ref} time`).toBe(ms(e.ts));
      }
      // The manifest's checksums are the rewritten files'.
      for (const f of manifest.files) expect(createHash("sha256").update(read(seed, f.path), "utf8").digest("hex"), f.path).toBe(f.sha256);
    }
  });

  it("keeps the story: the same events on the same lines, every time moved by the variant's whole weeks", () => {
    const base = g.key;
    const weeks = variantShiftWeeks(1);
    expect(weeks).toBeGreaterThanOrEqual(1);
    expect(weeks).toBeLessThanOrEqual(8);
    expect([1, 2, 3, 4, 5, 6].map(variantShiftWeeks).some((w) => w !== weeks)).toBe(true);
    const v1 = JSON.parse(read(1, ANSWER_KEY_FILE)) as AnswerKey & { timeShiftWeeks: number };
    expect(v1.timeShiftWeeks).toBe(weeks);
    const week = 7 * 86_400_000;
    expect(v1.events.map((e) => [e.ref, e.file, e.line, ms(e.ts), e.stage])).toEqual(
      base.events.map((e) => [e.ref, e.file, e.line, ms(e.ts) + weeks * week, e.stage]),
    );
    const theft = (k: AnswerKey) => k.chain.find((c) => c.stage === "key-acquisition")?.when;
    expect(ms(theft(v1)?.start as string)).toBe(ms(theft(base)?.start as string) + weeks * week);
    expect(ms(v1.gaps[0]?.end as string)).toBe(ms(base.gaps[0]?.end as string) + weeks * week);
    // Every date form moved and nothing else changed: moving each log back gives the original with
    // only the identities replaced. The US clock, the scanner's run ids and dates in paths among them.
    for (const f of base.counts) {
      const variant = read(1, f.file);
      const original = readFileSync(path.join(g.dir, f.file), "utf8");
      expect(shiftDates(variant, -weeks), f.file).toBe(applyReplacements(original, plans[1] ?? []));
      expect(variant, f.file).not.toBe(applyReplacements(original, plans[1] ?? []));
    }
    const filetimes = readFileSync(path.join(g.dir, "signing-system-application.xml"), "utf8").match(/0x01d[0-9a-f]{13}/g) ?? [];
    expect(filetimes.length).toBeGreaterThan(0);
    for (const f of filetimes) expect(read(1, "signing-system-application.xml")).not.toContain(f);
    expect(read(1, "sharepoint-ual-2021.csv")).not.toContain(
      readFileSync(path.join(g.dir, "sharepoint-ual-2021.csv"), "utf8").split("\n")[1]?.split(",")[0],
    );
  });

  it("replaces an address only where it stands whole, and an id in the case it was written in", () => {
    const r: Replacement[] = [
      { what: "ip", from: "10.30.5.21", to: "10.1.2.3" },
      { what: "id", from: "01850f97-69e6-46c2-ab3f-8194881844d7", to: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" },
    ];
    expect(applyReplacements("10.30.5.21 10.30.5.210 110.30.5.21 {01850F97-69E6-46C2-AB3F-8194881844D7}", r)).toBe(
      "10.1.2.3 10.30.5.210 110.30.5.21 {AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}",
    );
  });

  it("writes the same bytes for the same variant seed", async () => {
    const again = path.join(mkdtempSync(path.join(os.tmpdir(), "storm-variant-")), "v1");
    await writeVariant(g.dir, again, 1);
    for (const name of readdirSync(again)) expect(readFileSync(path.join(again, name), "utf8"), name).toBe(read(1, name));
  });
});
