import { expect, it } from "vitest";
import { eventsOf, newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { importFile } from "./import-file";
import { jsonForPostgres } from "./normalize";

it("jsonForPostgres replaces NUL and unpaired surrogate escapes, and leaves pairs and escaped backslashes", () => {
  expect(jsonForPostgres(String.raw`{"a":"x\u0000y","b":"\ud800","c":"\udc00z","d":"\ud83d\ude00"}`)).toBe(
    String.raw`{"a":"x\ufffdy","b":"\ufffd","c":"\ufffdz","d":"\ud83d\ude00"}`,
  );
  // "\\ud800" is a backslash followed by the text ud800, not an escape.
  expect(jsonForPostgres(String.raw`{"a":"\\ud800","b":"\\\ud800"}`)).toBe(String.raw`{"a":"\\ud800","b":"\\\ufffd"}`);
});

describeEachDatabase("records with text Postgres cannot store", (kind) => {
  const t = useTestDatabase(kind);

  it("are imported whole, NUL and unpaired surrogates as U+FFFD, in raw and in entities alike", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const file = writeFixture(
      "odd.jsonl",
      [
        String.raw`{"time":"2023-05-15T03:00:00Z","message":"one","user":"a\u0000b","note":"\ud800"}`,
        String.raw`{"time":"2023-05-15T03:00:01Z","message":"two","user":"a\ufffdb","note":"\udc00"}`,
        String.raw`{"time":"2023-05-15T03:00:02Z","message":"three","user":"a\ud800b"}`,
      ].join("\n"),
    );
    const s = await importFile(ctx, { incidentId, filePath: file });
    expect(s).toMatchObject({ read: 3, imported: 3, rejected: 0 });
    const ev = await eventsOf(t.db, s.sourceId);
    expect(ev.map((e) => [e.actor, e.raw.note ?? null])).toEqual([
      ["a\uFFFDb", "\uFFFD"],
      ["a\uFFFDb", "\uFFFD"],
      ["a\uFFFDb", null],
    ]);
    // The three spellings are one account, linked once to each event.
    const [n] = await t.db.sql.query<{ entities: number; links: number }>(
      `SELECT count(DISTINCT en.id)::int AS entities, count(*)::int AS links
       FROM event_entities ee JOIN entities en ON en.id = ee.entity_id
       WHERE en.incident_id = $1 AND en.kind = 'account'`,
      [incidentId],
    );
    expect(n).toEqual({ entities: 1, links: 3 });
  });
});
