import { describe, expect, it } from "vitest";
import { clusterEvidence } from "./cluster-evidence";
import { foldAccount, TIE_BOUND_MS, tiesOf } from "./tie-keys";

const DAY = 86_400_000;

describe("what ties evidence together", () => {
  it("folds one person's spellings across sources, and ignores accounts every host has", () => {
    expect(["CORP\\alindqvist", "alindqvist@contoso.test", "ALindqvist"].map(foldAccount)).toEqual([
      "alindqvist",
      "alindqvist",
      "alindqvist",
    ]);
    expect(tiesOf("account", "alindqvist@corp", "actor", null)[0]?.key).toBe(
      tiesOf("mailbox", "ALindqvist@contoso.test", "target", null)[0]?.key,
    );
    for (const common of ["NT AUTHORITY\\SYSTEM", "LOCAL SERVICE", "WORKSTATION5$", "-"])
      expect(tiesOf("account", common, "actor", null)).toEqual([]);
  });

  it("does not tie by shared infrastructure: loopback, first-party resource apps, audiences, tenants, URLs", () => {
    expect(tiesOf("ip", "127.0.0.1", "src", null)).toEqual([]);
    expect(tiesOf("ip", "::1", "src", null)).toEqual([]);
    expect(tiesOf("app", "00000003-0000-0ff1-ce00-000000000000", "app", null)).toEqual([]);
    expect(tiesOf("app", "https://outlook.office.com", "audience", null)).toEqual([]);
    expect(tiesOf("tenant", "93e4bd21-3bdd-42e7-b1cf-987e2b593bcc", "token-tenant", null)).toEqual([]);
    expect(tiesOf("url", "https://contoso.sharepoint.test/x", "target", null)).toEqual([]);
    expect(tiesOf("ip", "175.45.176.99", "src", null)).toEqual([
      { key: "ip:175.45.176.99", kind: "ip", label: "175.45.176.99", boundMs: 7 * DAY },
    ]);
  });

  it("ties a copied dump by its report folder and name, a host by its short name, a process only on its host", () => {
    const archived = tiesOf(
      "file",
      "c:\\programdata\\wer\\reportarchive\\AppCrash_svc.e_fe0ea060e9_8ec2befd\\memory.hdmp",
      "attachment",
      null,
    );
    const copied = tiesOf("file", "\\\\dbgfs01\\CrashDumps\\2021-04-20\\AppCrash_svc.e_fe0ea060e9_8ec2befd\\memory.hdmp", "target", null);
    expect(archived.map((t) => t.key)).toContain("file:…/appcrash_svc.e_fe0ea060e9_8ec2befd/memory.hdmp");
    expect(copied.map((t) => t.key)).toContain("file:…/appcrash_svc.e_fe0ea060e9_8ec2befd/memory.hdmp");
    // An ordinary folder is no tie: every system32\ntdll.dll is not the same file.
    expect(tiesOf("file", "c:\\windows\\system32\\ntdll.dll", "module", null)).toEqual([]);
    expect(tiesOf("file", "d:\\data\\system32\\ntdll.dll", "target", null).map((t) => t.key)).toEqual(["file:d:/data/system32/ntdll.dll"]);
    expect(tiesOf("host", "DBGFS01.corp.contoso.test", "host", null)[0]?.key).toBe(tiesOf("host", "dbgfs01", "host", null)[0]?.key);
    expect(tiesOf("process", "C:\\Windows\\System32\\cmd.exe", "process", "WS1")[0]?.key).not.toBe(
      tiesOf("process", "C:\\Windows\\System32\\cmd.exe", "process", "WS2")[0]?.key,
    );
    // A host runs dozens of svchost.exe at once: the image names none of them.
    expect(tiesOf("process", "C:\\Windows\\System32\\svchost.exe", "parent", "WS1")).toEqual([]);
  });

  it("clusters events that share a tie within its bound, through chains of events, and no further", () => {
    const ip = (v: string) => tiesOf("ip", v, "src", null);
    const key = tiesOf("key", "1LTMzakihiRla_8z2BEJVXeWMqo", "signing-key", null);
    const t0 = Date.UTC(2021, 3, 28);
    const clusters = clusterEvidence([
      { at: t0, ties: ip("203.0.113.7") },
      { at: t0 + 6 * DAY, ties: [...ip("203.0.113.7"), ...ip("198.51.100.1")] },
      // 12 days after the first, but 6 after the second: joined through it.
      { at: t0 + 12 * DAY, ties: ip("198.51.100.1") },
      // The same address 30 days on: reassigned, not the same actor as far as the address says.
      { at: t0 + 42 * DAY, ties: ip("198.51.100.1") },
      // A key ties across years.
      { at: t0, ties: key },
      { at: t0 + 700 * DAY, ties: key },
      // Nothing to tie by.
      { at: t0, ties: [] },
    ]);
    expect(clusters).toEqual([0, 0, 0, 1, 2, 2, 3]);
    expect(TIE_BOUND_MS.key).toBe(Number.POSITIVE_INFINITY);
  });
});
