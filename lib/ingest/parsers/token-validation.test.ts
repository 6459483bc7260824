import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonLinesFormat } from "../formats/jsonl";
import { parseFileForTest } from "../testing-parse-file";
import { tokenValidationFormat } from "./token-validation";
import { checkTokenRecord, OPTIONAL_FIELDS, REQUIRED_FIELDS } from "./token-validation-shape";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "token-validation", "validation.jsonl");
const TID = "11111111-2222-4333-8444-555555555555";

describe("token-validation", () => {
  it("reads valid records exactly and rejects missing, mistyped and out-of-range fields by line", async () => {
    const r = await parseFileForTest(FIXTURE);
    expect(r.format).toBe("token-validation");
    expect(r.records.map((x) => [x.line, x.occurredAt, x.assumedZone])).toEqual([
      [1, "2023-06-15T03:12:40.000000Z", null],
      [2, "2023-06-15T03:12:41.250000Z", null],
      [3, "2023-06-15T03:12:42.000000Z", null],
      [4, "2023-06-15T03:12:43.000000Z", null],
    ]);
    expect(r.problems).toEqual([
      { line: 5, reason: 'token validation record: "tid" is missing' },
      { line: 6, reason: 'token validation record: "sig_valid" must be a boolean' },
      { line: 7, reason: 'token validation record: "decision" must be "accepted" or "rejected", not "maybe"' },
      { line: 8, reason: "invalid JSON: Unexpected end of JSON input" },
    ]);
  });

  it("flags the Storm-0558 pattern: a valid signature from a consumer key accepted for an enterprise tenant", async () => {
    const r = await parseFileForTest(FIXTURE);
    const forged = r.records[0];
    expect(forged?.draft).toMatchObject({
      message:
        `Token kid 1LTMzakihiRla_8z2BEJVXeWMqo (consumer key, issuer …/9188040d…) accepted for tenant ${TID} aud outlook.office.com ` +
        "app 00000000-0000-4000-8000-00000000a001 user diplomat@contoso.test from 203.0.113.66 via GetAccessTokenForResource" +
        " — issuer scope mismatch: valid signature from a key not scoped to this issuer; expected reject",
      action: "GetAccessTokenForResource",
      category: "token-validation",
      outcome: "accepted",
      actor: "diplomat@contoso.test",
      srcIp: "203.0.113.66",
      target: "https://outlook.office.com",
      timestampDesc: "Validation Time",
    });
    expect(forged?.entities).toEqual([
      { kind: "account", value: "diplomat@contoso.test", role: "actor" },
      { kind: "ip", value: "203.0.113.66", role: "src" },
      { kind: "key", value: "1LTMzakihiRla_8z2BEJVXeWMqo", role: "signing-key" },
      { kind: "tenant", value: TID, role: "token-tenant" },
      { kind: "app", value: "https://outlook.office.com", role: "audience" },
      { kind: "tenant", value: "9188040d-6c67-4c5b-b112-36a304b66dad", role: "key-issuer-tenant" },
      { kind: "app", value: "00000000-0000-4000-8000-00000000a001", role: "client-app" },
      { kind: "account", value: "22222222-3333-4444-8555-666666666666", role: "object-id" },
      { kind: "session", value: "req-0001", role: "request" },
    ]);
    // Fields outside the shape stay in raw.
    expect(forged?.raw.validator_build).toBe("synthetic-1");
  });

  it("does not flag a tenant-scoped key, says why a token was rejected, and flags an invalid signature accepted", async () => {
    const r = await parseFileForTest(FIXTURE);
    const [, normal, rejected, badSig] = r.records;
    expect(normal?.draft.message).toBe(
      `Token kid tenantKey0000000000000000001 (multi-tenant key) accepted for tenant ${TID} aud 00000002-0000-0ff1-ce00-000000000000 app 00000000-0000-4000-8000-00000000a002 user alice@contoso.test from 2001:db8::10`,
    );
    expect(normal?.draft.action).toBe("token.validate");
    expect(rejected?.draft.message).toMatch(/rejected for tenant .* — reason: key not scoped to issuer$/);
    expect(rejected?.draft.actor).toBe("22222222-3333-4444-8555-666666666666");
    expect(badSig?.draft.message).toMatch(/ — INVALID SIGNATURE ACCEPTED; expected reject$/);
  });

  it("derives the scope mismatch from key_issuer when the validator did not log issuer_scope_match", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "token-")), "derived.jsonl");
    const line = {
      ts: "2023-06-15T03:12:40.123456Z",
      kid: "1LTMzakihiRla_8z2BEJVXeWMqo",
      key_issuer: "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
      iss: `https://sts.windows.net/${TID}/`,
      tid: TID,
      aud: "https://outlook.office.com",
      sig_valid: true,
      decision: "accepted",
    };
    writeFileSync(file, `${JSON.stringify(line)}\n`);
    const r = await parseFileForTest(file);
    expect(r.records[0]?.occurredAt).toBe("2023-06-15T03:12:40.123456Z");
    expect(r.records[0]?.draft.message).toMatch(/ — issuer scope mismatch \(derived from key_issuer\): valid signature/);
  });

  it("documents every field with its type, and checks optional types too", () => {
    expect(Object.keys(REQUIRED_FIELDS)).toEqual(["ts", "kid", "iss", "tid", "aud", "sig_valid", "decision"]);
    expect(Object.keys(OPTIONAL_FIELDS)).toContain("issuer_scope_match");
    const base = { ts: "t", kid: "k", iss: "i", tid: "t", aud: "a", sig_valid: true, decision: "rejected" };
    expect(checkTokenRecord({ ...base, issuer_scope_match: "no" })).toEqual({
      error: 'token validation record: "issuer_scope_match" must be a boolean',
    });
    expect(checkTokenRecord({ ...base, upn: null })).toMatchObject(base);
  });

  it("claims only records with every required field, above the generic reader", () => {
    const full = '{"ts":"2023-06-15T03:12:40Z","kid":"k","iss":"i","tid":"t","aud":"a","sig_valid":true,"decision":"accepted"}';
    expect(tokenValidationFormat.detect({ fileName: "x", lines: [full] })).toBe(98);
    expect(jsonLinesFormat.detect({ fileName: "x", lines: [full] })).toBe(50);
    const partial = '{"ts":"2023-06-15T03:12:40Z","kid":"k","aud":"a"}';
    expect(tokenValidationFormat.detect({ fileName: "x", lines: [partial] })).toBe(0);
  });
});
