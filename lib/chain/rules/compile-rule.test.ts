import { beforeAll, expect, it } from "vitest";
import { SqlParams } from "@/lib/db/sql-params";
import { importFile } from "@/lib/ingest/import-file";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { compileRuleSelect } from "./compile-rule";
import { col, raw } from "./predicate";
import type { RuleSpec } from "./rule-spec";

const head = { name: "t", description: "t", stageKey: "collection", severity: "low" } as const;
const ev = (ts: string, fields: Record<string, unknown>) => JSON.stringify({ ts, ...fields });

// One line per record; line numbers are what the assertions name.
const LINES = [
  // 1–12: failed sign-ins from 203.0.113.5 against 12 accounts in one hour (a spray), then one the next hour.
  ...Array.from({ length: 12 }, (_, i) =>
    ev(`2024-01-01T10:${String(i * 4).padStart(2, "0")}:00Z`, {
      action: "login",
      outcome: "failure",
      user: `u${i}@corp.test`,
      clientip: "203.0.113.5",
    }),
  ),
  ev("2024-01-01T11:30:00Z", { action: "login", outcome: "failure", user: "u0@corp.test", clientip: "203.0.113.5" }), // 13
  // 14–16: token T1 issued to alice at the office, then replayed from elsewhere; 17: token T2 only at the office.
  ev("2024-01-02T09:00:00Z", {
    action: "login",
    outcome: "success",
    user: "alice@corp.test",
    clientip: "198.51.100.1",
    token: "T1",
    interactive: true,
  }),
  ev("2024-01-02T09:05:00Z", {
    action: "refresh",
    outcome: "success",
    user: "alice@corp.test",
    clientip: "192.0.2.66",
    token: "T1",
    interactive: false,
  }),
  ev("2024-01-02T09:06:00Z", {
    action: "refresh",
    outcome: "success",
    user: "alice@corp.test",
    clientip: "192.0.2.66",
    token: "T1",
    interactive: false,
  }),
  ev("2024-01-02T09:10:00Z", {
    action: "refresh",
    outcome: "success",
    user: "bob@corp.test",
    clientip: "198.51.100.1",
    token: "T2",
    interactive: false,
  }),
  // 18–21: alice's activity: from the replay IP after the replay (18, 19), from the office (20), from the replay IP a month later (21).
  ev("2024-01-02T09:30:00Z", { action: "FileAccessed", user: "ALICE@corp.test", clientip: "192.0.2.66" }),
  ev("2024-01-03T09:30:00Z", { action: "FileAccessed", user: "CORP\\alice", clientip: "192.0.2.66" }),
  ev("2024-01-03T10:30:00Z", { action: "FileAccessed", user: "alice@corp.test", clientip: "198.51.100.1" }),
  ev("2024-02-15T09:30:00Z", { action: "FileAccessed", user: "alice@corp.test", clientip: "192.0.2.66" }),
  // 22: before the anchor: must not count for afterAnchor.
  ev("2024-01-01T08:00:00Z", { action: "FileAccessed", user: "alice@corp.test", clientip: "192.0.2.66" }),
];

/** Mailbox access: 12 mailboxes all use app A or B every day; m1 and m2 are also read by app X. */
function mailboxLines(): string[] {
  const out: string[] = [];
  for (let day = 1; day <= 5; day++) {
    for (let m = 1; m <= 12; m++) {
      out.push(
        ev(`2024-03-0${day}T0${m % 10}:00:00Z`, { action: "MailItemsAccessed", mailbox: `m${m}@corp.test`, app: m % 2 ? "A" : "B" }),
      );
    }
  }
  out.push(ev("2024-03-04T12:00:00Z", { action: "MailItemsAccessed", mailbox: "m1@corp.test", app: "X" }));
  out.push(ev("2024-03-05T12:00:00Z", { action: "MailItemsAccessed", mailbox: "m2@corp.test", app: "X" }));
  out.push(ev("2024-03-05T13:00:00Z", { action: "MailItemsAccessed", mailbox: "m1@corp.test", app: "X" }));
  return out;
}

describeEachDatabase("rule kinds compiled to SQL", (kind) => {
  const t = useTestDatabase(kind);
  let incidentId = "";
  let base = 0;

  beforeAll(async () => {
    const made = await newIncident(t.db, "Rule kinds");
    incidentId = made.incidentId;
    const mail = mailboxLines();
    base = LINES.length;
    await importFile(made.ctx, { incidentId, filePath: writeFixture("kinds.jsonl", [...LINES, ...mail].join("\n")) });
  });

  async function lines(rule: RuleSpec): Promise<number[]> {
    const params = new SqlParams(2);
    const select = compileRuleSelect(rule, params);
    const rows = await t.db.sql.query<{ line_number: number }>(`SELECT e.line_number FROM events e WHERE e.id IN (${select}) ORDER BY 1`, [
      incidentId,
      ...params.values(),
    ]);
    return rows.map((r) => r.line_number);
  }

  it("threshold: distinct accounts per IP in fixed bins", async () => {
    const spray: RuleSpec = {
      ...head,
      key: "t.spray",
      kind: "threshold",
      where: { op: "eq", field: col("outcome"), value: "failure" },
      groupBy: col("src_ip"),
      distinct: { kind: "account", of: col("actor") },
      windowMinutes: 60,
      min: 10,
    };
    expect(await lines(spray)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await lines({ ...spray, min: 13 })).toEqual([]);
  });

  it("multi-origin: a token seen from two IPs tags its every use", async () => {
    expect(
      await lines({
        ...head,
        key: "t.replay",
        kind: "multi-origin",
        where: { op: "exists", field: raw("token") },
        token: raw("token"),
        origin: col("src_ip"),
        minOrigins: 2,
      }),
    ).toEqual([14, 15, 16]);
  });

  it("pivot: the same account from the replay IP, after the anchor, within a window", async () => {
    await t.db.sql.query(
      "INSERT INTO rules (incident_id, key, name, kind, definition) VALUES ($1, 't.anchor', 'anchor', 'builtin', '{}')",
      [incidentId],
    );
    await t.db.sql.query(
      `INSERT INTO rule_matches (incident_id, rule_id, event_id) SELECT e.incident_id, r.id, e.id FROM rules r, events e
       WHERE r.key = 't.anchor' AND e.incident_id = $1 AND e.line_number IN (15, 16)`,
      [incidentId],
    );
    const pivot: RuleSpec = {
      ...head,
      key: "t.pivot",
      kind: "pivot",
      anchor: { rules: ["t.anchor"] },
      on: [col("src_ip"), { kind: "account", of: col("actor") }],
      where: { op: "eq", field: col("action"), value: "FileAccessed" },
    };
    // Case and DOMAIN\user spellings fold to one account; the office IP does not match.
    expect(await lines(pivot)).toEqual([18, 19, 21, 22]);
    expect(await lines({ ...pivot, afterAnchor: true })).toEqual([18, 19, 21]);
    expect(await lines({ ...pivot, afterAnchor: true, withinDays: 7 })).toEqual([18, 19]);
    // anchorOn reads the anchor's side from other fields: the anchors' addresses are no account.
    const byAccount: RuleSpec = { ...pivot, on: [{ kind: "account", of: col("actor") }] };
    expect(await lines(byAccount)).toEqual([18, 19, 20, 21, 22]);
    expect(await lines({ ...byAccount, anchorOn: [col("src_ip")] })).toEqual([]);
    expect(await lines({ ...byAccount, anchorOn: [{ kind: "account", of: raw("user") }] })).toEqual([18, 19, 20, 21, 22]);
  });

  it("baseline, population: values few entities ever had", async () => {
    const rule: RuleSpec = {
      ...head,
      key: "t.baseline",
      kind: "baseline",
      where: { op: "eq", field: col("action"), value: "MailItemsAccessed" },
      entity: raw("mailbox"),
      value: raw("app"),
      mode: { kind: "population", maxShare: 0.2, minEntities: 10 },
    };
    const xs = [base + 61, base + 62, base + 63];
    expect(await lines(rule)).toEqual(xs);
    // Too few entities to judge: no matches rather than guesses.
    expect(await lines({ ...rule, mode: { kind: "population", maxShare: 0.2, minEntities: 13 } })).toEqual([]);
  });

  it("baseline, entity: a value new for its entity, judged only with enough history", async () => {
    const rule: RuleSpec = {
      ...head,
      key: "t.new-app",
      kind: "baseline",
      where: { op: "eq", field: col("action"), value: "MailItemsAccessed" },
      entity: raw("mailbox"),
      value: raw("app"),
      mode: { kind: "entity", lookbackDays: 30, minHistory: 3 },
    };
    // m1's first X (day 4: 3 earlier events) and m2's (day 5: 4 earlier); m1's second X is no longer new.
    expect(await lines(rule)).toEqual([base + 61, base + 62]);
    // With no history required, every mailbox's very first event is "new" too: that is why the minimum exists.
    expect((await lines({ ...rule, mode: { kind: "entity", lookbackDays: 30, minHistory: 0 } })).length).toBe(12 + 2);
  });
});
